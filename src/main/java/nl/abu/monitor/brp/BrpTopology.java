package nl.abu.monitor.brp;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.EntityFold;
import nl.abu.monitor.indicator.EntityTable;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityChange;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.StayFacts;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * {@code brp_registration_on_time_share} and {@code brp_deregistration_share}: each stay (memberId/stayId, the
 * stays topic's key) is gathered with its registration events in {@code brp-stays}; each stay's change moves the
 * cells it counts in. A registration whose stay is not known counts nowhere until the stay arrives; a retracted
 * stay counts nowhere.
 */
public final class BrpTopology {
    public static final String FAMILY = "brp";
    static final String STAYS_STORE = "brp-stays";

    private final StreamsBuilder builder;
    private final InputChanges inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;

    public BrpTopology(StreamsBuilder builder, InputChanges inputs, PipelineSerdes serdes, IndicatorOutput output) {
        this.builder = builder;
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
    }

    public void build() {
        EntityTable<BrpStay> stays = new EntityTable<>(builder, serdes, STAYS_STORE, BrpStay.class);
        KStream<String, EntityChange<BrpStay>> changes = stays
                .fold(inputs.<WorkerStay>of(Topics.WORKER_STAYS), "brp-stays-to-stays", new StayItself())
                .merge(stays.fold(inputs.<BrpRegistration>of(Topics.BRP_REGISTRATIONS),
                        "brp-registrations-to-stays", new RegistrationsOfStay()),
                        Named.as("brp-stay-changes"));
        output.publish(FAMILY, changes, STAYS_STORE, BrpStayCells::cells);
    }

    /** A registration's stay: memberId/stayId, the key of the stay on the stays topic. */
    static String stayOf(BrpRegistration registration) {
        return EntityKeys.join(registration.getMemberId(), registration.getStayId());
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

    /** The stay's registration events: the effective date of each kind. */
    private static final class RegistrationsOfStay implements EntityFold<BrpRegistration, BrpStay> {
        @Override
        public String entityOf(String key, BrpRegistration registration) {
            return stayOf(registration);
        }

        @Override
        public BrpStay add(BrpStay held, String key, BrpRegistration registration) {
            Map<String, LocalDate> dates = held == null ? new HashMap<>() : new HashMap<>(held.getEffectiveDates());
            dates.put(registration.getKind().name(), registration.getEffectiveDate());
            return new BrpStay(held == null ? null : held.getStay(), dates);
        }

        @Override
        public BrpStay remove(BrpStay held, String key, BrpRegistration registration) {
            Map<String, LocalDate> dates = new HashMap<>(held.getEffectiveDates());
            dates.remove(registration.getKind().name());
            return new BrpStay(held.getStay(), dates);
        }

        @Override
        public boolean isEmpty(BrpStay stay) {
            return holdsNothing(stay);
        }
    }
}
