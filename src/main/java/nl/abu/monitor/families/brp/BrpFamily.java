package nl.abu.monitor.families.brp;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.EntityFold;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.KeyedEntityFold;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.StayFacts;

/**
 * {@code brp_registration_on_time_share} and {@code brp_deregistration_share}: each stay (memberId/stayId, the
 * stays topic's key) is gathered with its registration events in {@code brp-stays}; each stay's change moves the
 * cells it counts in. A registration whose stay is not known counts nowhere until the stay arrives; a retracted
 * stay counts nowhere.
 */
public final class BrpFamily {
    public static final String FAMILY = "brp";
    static final String STAYS_STORE = "brp-stays";

    private BrpFamily() {
    }

    /**
     * The family: stays, from their own facts and their registrations. A stay counts in the periods of its arrival
     * and departure, so not after its departure; a registration counts through its stay, which a correction can
     * bring back into the open years, so it is kept.
     */
    public static Family<BrpStay> family() {
        return new Family<>(FAMILY, STAYS_STORE, List.of(
                Family.input(Topics.WORKER_STAYS, new StayItself(), WorkerStay::getDepartureDate),
                Family.input(Topics.BRP_REGISTRATIONS, new RegistrationsOfStay())), BrpStayCells::cells);
    }

    private static boolean holdsNothing(BrpStay stay) {
        return stay.getStay() == null && stay.getEffectiveDates().isEmpty();
    }

    /** The stay's own facts. */
    private static final class StayItself implements EntityFold<WorkerStay, BrpStay> {
        @Override
        public String entityOf(String key, WorkerStay stay) {
            return key;
        }

        @Override
        public BrpStay add(BrpStay held, String key, WorkerStay stay) {
            Map<String, LocalDate> dates = held == null ? new HashMap<>() : held.getEffectiveDates();
            return new BrpStay(new StayFacts(stay.getSector(), stay.getArrivalDate(), stay.getDepartureDate()), dates);
        }

        @Override
        public BrpStay remove(BrpStay held, String key, WorkerStay stay) {
            return new BrpStay(null, held.getEffectiveDates());
        }

        @Override
        public boolean isEmpty(BrpStay stay) {
            return holdsNothing(stay);
        }
    }

    /**
     * The stay's registration events: the effective date of each kind. A registration's key (memberId/stayId/kind)
     * names both its stay and its kind, so its versions are held without their values.
     */
    private static final class RegistrationsOfStay implements KeyedEntityFold<BrpRegistration, BrpStay> {
        @Override
        public String entityOf(String key) {
            return key.substring(0, key.lastIndexOf(EntityKeys.SEPARATOR));
        }

        @Override
        public BrpStay add(BrpStay held, String key, BrpRegistration registration) {
            Map<String, LocalDate> dates = held == null ? new HashMap<>() : new HashMap<>(held.getEffectiveDates());
            dates.put(registration.getKind().name(), registration.getEffectiveDate());
            return new BrpStay(held == null ? null : held.getStay(), dates);
        }

        @Override
        public BrpStay remove(BrpStay held, String key) {
            Map<String, LocalDate> dates = new HashMap<>(held.getEffectiveDates());
            dates.remove(key.substring(key.lastIndexOf(EntityKeys.SEPARATOR) + 1));
            return new BrpStay(held.getStay(), dates);
        }

        @Override
        public boolean isEmpty(BrpStay stay) {
            return holdsNothing(stay);
        }
    }
}
