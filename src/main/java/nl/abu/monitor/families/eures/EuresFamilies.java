package nl.abu.monitor.families.eures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.indicator.EntityFold;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.KeyedEntityFold;
import nl.abu.monitor.ingest.RecordLifetime;
import nl.abu.monitor.state.EuresMember;

/**
 * {@code eures_placements} and {@code eures_fec_members}. Two families, as their entities differ: each placement
 * counts in {@code eures_placements} by itself, while {@code eures_fec_members} counts members: the placedOn of
 * each member's PLACED placements and whether its profile signed the Fair Employment Code, in {@code eures-members}.
 */
public final class EuresFamilies {
    /** The family of {@code eures_placements}; its entities are the placements. */
    public static final String PLACEMENTS = "eures-placement";
    /** The family of {@code eures_fec_members}; its entities are the members. */
    public static final String MEMBERS = "eures-member";

    static final String PLACEMENTS_STORE = "eures-placements";
    static final String MEMBERS_STORE = "eures-members";

    private EuresFamilies() {
    }

    /** The family of {@code eures_placements}: each placement by itself. */
    public static Family<EuresPlacement> placements() {
        return new Family<>(PLACEMENTS, PLACEMENTS_STORE,
                List.of(Family.input(Topics.EURES_PLACEMENTS, new PlacementItself(), EuresFamilies::lastDayCounted)),
                EuresPlacementCells::cells);
    }

    /**
     * The family of {@code eures_fec_members}: members, from their PLACED placements and their profile. A member's
     * placements are kept while its profile is missing or retracted (it then counts nowhere), and its profile
     * without placements is kept for when they come.
     */
    public static Family<EuresMember> members() {
        return new Family<>(MEMBERS, MEMBERS_STORE, List.of(
                Family.input(Topics.EURES_PLACEMENTS, new PlacedOfMember(), EuresFamilies::lastDayCounted),
                Family.input(Topics.MEMBERS, new ProfileOfMember())), EuresMemberCells::cells);
    }

    /** A PLACED placement counts in the periods of its placedOn only; a cancelled one nowhere. */
    private static LocalDate lastDayCounted(EuresPlacement placement) {
        return placement.getStatus() == PlacementStatus.PLACED ? placement.getPlacedOn() : RecordLifetime.NEVER_COUNTS;
    }

    private static boolean holdsNothing(EuresMember member) {
        return !member.getFairEmploymentCode() && member.getPlacedOn().isEmpty();
    }

    /** A placement counts by itself. */
    private static final class PlacementItself implements EntityFold<EuresPlacement, EuresPlacement> {
        @Override
        public String entityOf(String key, EuresPlacement placement) {
            return key;
        }

        @Override
        public EuresPlacement add(EuresPlacement held, String key, EuresPlacement placement) {
            return placement;
        }

        @Override
        public EuresPlacement remove(EuresPlacement held, String key, EuresPlacement placement) {
            return null;
        }

        @Override
        public boolean isEmpty(EuresPlacement placement) {
            return false;
        }
    }

    /** The placedOn of the member's PLACED placements, by placement key. */
    private static final class PlacedOfMember implements EntityFold<EuresPlacement, EuresMember> {
        @Override
        public String entityOf(String key, EuresPlacement placement) {
            return placement.getMemberId();
        }

        @Override
        public EuresMember add(EuresMember held, String key, EuresPlacement placement) {
            Map<String, LocalDate> placed = held == null ? new HashMap<>() : new HashMap<>(held.getPlacedOn());
            if (placement.getStatus() == PlacementStatus.PLACED) {
                placed.put(key, placement.getPlacedOn());
            } else {
                placed.remove(key);
            }
            return new EuresMember(held != null && held.getFairEmploymentCode(), placed);
        }

        @Override
        public EuresMember remove(EuresMember held, String key, EuresPlacement placement) {
            Map<String, LocalDate> placed = new HashMap<>(held.getPlacedOn());
            placed.remove(key);
            return new EuresMember(held.getFairEmploymentCode(), placed);
        }

        @Override
        public boolean isEmpty(EuresMember member) {
            return holdsNothing(member);
        }
    }

    /** Whether the member's current profile signed the Fair Employment Code; its key is the member. */
    private static final class ProfileOfMember implements KeyedEntityFold<Member, EuresMember> {
        @Override
        public String entityOf(String key) {
            return key;
        }

        @Override
        public EuresMember add(EuresMember held, String key, Member profile) {
            return new EuresMember(profile.getFairEmploymentCode(),
                    held == null ? new HashMap<>() : held.getPlacedOn());
        }

        @Override
        public EuresMember remove(EuresMember held, String key) {
            return new EuresMember(false, held.getPlacedOn());
        }

        @Override
        public boolean isEmpty(EuresMember member) {
            return holdsNothing(member);
        }
    }
}
