package nl.abu.monitor.families.eures;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.indicator.EntityParts;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.OwnEntityFold;
import nl.abu.monitor.indicator.PartsFold;
import nl.abu.monitor.ingest.RecordLifetime;
import nl.abu.monitor.state.EuresMember;

/**
 * {@code eures_placements} and {@code eures_fec_members}. Two families, as their entities differ: each placement
 * counts in {@code eures_placements} by itself, while {@code eures_fec_members} counts members: the placedOn of
 * each member's PLACED placements and whether its profile signed the Fair Employment Code, in {@code eures-members}.
 */
public final class EuresFamilies {
    /** The family of {@code eures_placements}; its entities are the placements. */
    public static final String PLACEMENTS = Indicator.EURES_PLACEMENTS.family();
    /** The family of {@code eures_fec_members}; its entities are the members. */
    public static final String MEMBERS = Indicator.EURES_FEC_MEMBERS.family();

    static final String PLACEMENTS_STORE = "eures-placements";
    static final String MEMBERS_STORE = "eures-members";

    private static final Predicate<EuresMember> NOTHING = member -> !member.getFairEmploymentCode()
            && member.getPlacedOn().isEmpty();
    /** The placedOn of the member's PLACED placements, by placement key. */
    private static final EntityParts<EuresMember, LocalDate> PLACED_ON = new EntityParts<>(EuresMember::getPlacedOn,
            (member, placed) -> new EuresMember(member != null && member.getFairEmploymentCode(), placed), NOTHING);

    private EuresFamilies() {
    }

    /** The family of {@code eures_placements}: each placement by itself. */
    public static Family<EuresPlacement> placements() {
        return new Family<>(PLACEMENTS, PLACEMENTS_STORE, List.of(Family.input(Topics.EURES_PLACEMENTS,
                new OwnEntityFold<EuresPlacement, EuresPlacement>((held, placement) -> placement, held -> null,
                        placement -> false), EuresFamilies::lastDayCounted)),
                EuresPlacementCells::cells);
    }

    /**
     * The family of {@code eures_fec_members}: members, from their PLACED placements and their profile. A member's
     * placements are kept while its profile is missing or retracted (it then counts nowhere), and its profile
     * without placements is kept for when they come.
     */
    public static Family<EuresMember> members() {
        return new Family<>(MEMBERS, MEMBERS_STORE, List.of(
                Family.input(Topics.EURES_PLACEMENTS, PartsFold.of((key, placement) -> placement.getMemberId(),
                        (key, placement) -> key, EuresFamilies::placedOn, PLACED_ON), EuresFamilies::lastDayCounted),
                Family.input(Topics.MEMBERS, new OwnEntityFold<Member, EuresMember>(
                        (held, profile) -> new EuresMember(profile.getFairEmploymentCode(),
                                PLACED_ON.of(held)),
                        held -> new EuresMember(false, held.getPlacedOn()), NOTHING))),
                EuresMemberCells::cells);
    }

    /** A PLACED placement counts in the periods of its placedOn only; a cancelled one nowhere. */
    private static LocalDate lastDayCounted(EuresPlacement placement) {
        LocalDate placedOn = placedOn(placement);
        return placedOn != null ? placedOn : RecordLifetime.NEVER_COUNTS;
    }

    /** A member keeps the placedOn of its PLACED placements only. */
    private static LocalDate placedOn(EuresPlacement placement) {
        return placement.getStatus() == PlacementStatus.PLACED ? placement.getPlacedOn() : null;
    }
}
