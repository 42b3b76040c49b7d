package nl.abu.monitor.brp;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputTables;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.StayFacts;
import nl.abu.monitor.state.StayRegistrations;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * {@code brp_registration_on_time_share} and {@code brp_deregistration_share}: each stay (memberId/stayId, the
 * stays topic's key) is joined with its registration events; each stay's change moves the cells it counts in.
 * A registration whose stay is not known counts nowhere until the stay arrives; a retracted stay counts nowhere.
 */
public final class BrpTopology {
    public static final String FAMILY = "brp";
    static final String STAYS_STORE = "brp-stays";
    static final String REGISTRATIONS_STORE = "brp-stay-registrations";

    private final InputTables inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;

    public BrpTopology(InputTables inputs, PipelineSerdes serdes, IndicatorOutput output) {
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
    }

    public void build() {
        KTable<String, WorkerStay> stays = inputs.of(Topics.WORKER_STAYS);
        KTable<String, BrpStay> brpStays = stays.outerJoin(registrationsByStay(), BrpTopology::join,
                Named.as(STAYS_STORE),
                serdes.materialized(STAYS_STORE, BrpStay.class));
        output.publish(FAMILY, brpStays, STAYS_STORE, BrpStayCells::of);
    }

    /** A stay with its registrations; null (no entry) once neither is left. */
    static BrpStay join(WorkerStay stay, StayRegistrations registrations) {
        Map<String, LocalDate> dates = registrations == null ? new HashMap<>() : registrations.getEffectiveDates();
        if (stay == null && dates.isEmpty()) {
            return null;
        }
        StayFacts facts = stay == null ? null
                : new StayFacts(stay.getSector(), stay.getArrivalDate(), stay.getDepartureDate());
        return new BrpStay(facts, dates);
    }

    private KTable<String, StayRegistrations> registrationsByStay() {
        KTable<String, BrpRegistration> registrations = inputs.of(Topics.BRP_REGISTRATIONS);
        return registrations
                .groupBy((key, r) -> KeyValue.pair(stayOf(r), r),
                        Grouped.with("brp-registrations-by-stay", Serdes.String(), serdes.of(BrpRegistration.class)))
                .aggregate(() -> new StayRegistrations(new HashMap<>()),
                        (stay, r, all) -> {
                            Map<String, LocalDate> dates = new HashMap<>(all.getEffectiveDates());
                            dates.put(r.getKind().name(), r.getEffectiveDate());
                            return new StayRegistrations(dates);
                        },
                        (stay, r, all) -> {
                            Map<String, LocalDate> dates = new HashMap<>(all.getEffectiveDates());
                            dates.remove(r.getKind().name());
                            return new StayRegistrations(dates);
                        },
                        Named.as(REGISTRATIONS_STORE),
                        serdes.materialized(REGISTRATIONS_STORE, StayRegistrations.class));
    }

    /** A registration's stay: memberId/stayId, the key of the stay on the stays topic. */
    static String stayOf(BrpRegistration registration) {
        return EntityKeys.join(registration.getMemberId(), registration.getStayId());
    }
}
