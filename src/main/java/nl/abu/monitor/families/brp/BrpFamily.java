package nl.abu.monitor.families.brp;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.EntityParts;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.OwnEntityFold;
import nl.abu.monitor.indicator.PartsFold;
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.StayFacts;

/**
 * {@code brp_registration_on_time_share} and {@code brp_deregistration_share}: each stay (memberId/stayId, the
 * stays topic's key) is gathered with its registration events in {@code brp-stays}; each stay's change moves the
 * cells it counts in. A registration whose stay is not known counts nowhere until the stay arrives; a retracted
 * stay counts nowhere.
 */
public final class BrpFamily {
    public static final String FAMILY = Indicator.BRP_REGISTRATION_ON_TIME_SHARE.family();
    static final String STAYS_STORE = "brp-stays";

    private static final Predicate<BrpStay> NOTHING = stay -> stay.getStay() == null
            && stay.getEffectiveDates().isEmpty();
    /** The stay's registration events: the effective date of each kind. */
    private static final EntityParts<BrpStay, LocalDate> EFFECTIVE_DATES = new EntityParts<>(
            BrpStay::getEffectiveDates, (stay, dates) -> new BrpStay(stay == null ? null : stay.getStay(), dates),
            NOTHING);

    private BrpFamily() {
    }

    /**
     * The family: stays, from their own facts and their registrations. A stay counts in the periods of its arrival
     * and departure, so not after its departure; a registration counts through its stay, which a correction can
     * bring back into the open years, so it is kept. A registration's key (memberId/stayId/kind) names both its stay
     * and its kind, so its versions are held without their values.
     */
    public static Family<BrpStay> family() {
        return new Family<>(FAMILY, STAYS_STORE, List.of(
                Family.input(Topics.WORKER_STAYS, new OwnEntityFold<WorkerStay, BrpStay>(
                        (held, stay) -> new BrpStay(new StayFacts(stay.getSector(), stay.getArrivalDate(),
                                stay.getDepartureDate()), EFFECTIVE_DATES.of(held)),
                        held -> new BrpStay(null, held.getEffectiveDates()), NOTHING), WorkerStay::getDepartureDate),
                Family.input(Topics.BRP_REGISTRATIONS, PartsFold.<BrpRegistration, BrpStay, LocalDate>keyed(
                        key -> key.substring(0, key.lastIndexOf(EntityKeys.SEPARATOR)),
                        key -> key.substring(key.lastIndexOf(EntityKeys.SEPARATOR) + 1),
                        BrpRegistration::getEffectiveDate, EFFECTIVE_DATES))),
                BrpStayCells::cells);
    }
}
