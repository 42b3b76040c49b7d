package nl.abu.monitor.language;

import java.util.HashMap;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.CellDeltaStep;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputTables;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.CellMembership;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.StayFacts;
import nl.abu.monitor.state.WorkerEnrolments;
import nl.abu.monitor.state.WorkerStays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code long_stay_share} and {@code language_training_share}: stays and enrolments are gathered per worker
 * (memberId, workerRef); each worker's change moves the cells it counts in.
 */
public final class LanguageTopology {
    public static final String FAMILY = "language";
    static final String WORKER_CELLS_STORE = "language-worker-cells";

    private final InputTables inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;
    private final AsOfDate asOf;
    private final int openYears;

    public LanguageTopology(InputTables inputs, PipelineSerdes serdes, IndicatorOutput output, AsOfDate asOf,
            int openYears) {
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
        this.asOf = asOf;
        this.openYears = openYears;
    }

    public void addTo(StreamsBuilder builder) {
        KTable<String, WorkerStays> stays = staysByWorker();
        KTable<String, WorkerEnrolments> enrolments = enrolmentsByWorker();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WORKER_CELLS_STORE),
                Serdes.String(), serdes.of(CellMembership.class)));
        output.publish(FAMILY, stays
                .outerJoin(enrolments, LanguageWorker::new, Named.as("language-workers"))
                .toStream(Named.as("language-worker-changes"))
                .process(() -> new CellDeltaStep<LanguageWorker>(WORKER_CELLS_STORE, asOf, openYears,
                        LanguageWorker::cells), Named.as("language-worker-cells"), WORKER_CELLS_STORE));
    }

    private KTable<String, WorkerStays> staysByWorker() {
        KTable<String, WorkerStay> stays = inputs.of(Topics.WORKER_STAYS);
        return stays
                .groupBy((key, stay) -> KeyValue.pair(workerOf(stay.getMemberId(), stay.getWorkerRef()), stay),
                        Grouped.with("language-stays-by-worker", Serdes.String(), serdes.of(WorkerStay.class)))
                .aggregate(() -> new WorkerStays(new HashMap<>()),
                        (worker, stay, all) -> {
                            all.getStays().put(EntityKeys.of(stay),
                                    new StayFacts(stay.getSector(), stay.getArrivalDate(), stay.getDepartureDate()));
                            return all;
                        },
                        (worker, stay, all) -> {
                            all.getStays().remove(EntityKeys.of(stay));
                            return all;
                        },
                        Named.as("language-worker-stays"),
                        Materialized.<String, WorkerStays, KeyValueStore<Bytes, byte[]>>as("language-worker-stays")
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(WorkerStays.class)));
    }

    private KTable<String, WorkerEnrolments> enrolmentsByWorker() {
        KTable<String, LanguageEnrolment> enrolments = inputs.of(Topics.LANGUAGE_ENROLMENTS);
        return enrolments
                .groupBy((key, e) -> KeyValue.pair(workerOf(e.getMemberId(), e.getWorkerRef()), e),
                        Grouped.with("language-enrolments-by-worker", Serdes.String(),
                                serdes.of(LanguageEnrolment.class)))
                .aggregate(() -> new WorkerEnrolments(new HashMap<>()),
                        (worker, e, all) -> {
                            all.getEnrolments().put(EntityKeys.of(e), new EnrolmentFacts(e.getStatus(), e.getStartedOn()));
                            return all;
                        },
                        (worker, e, all) -> {
                            all.getEnrolments().remove(EntityKeys.of(e));
                            return all;
                        },
                        Named.as("language-worker-enrolments"),
                        Materialized.<String, WorkerEnrolments, KeyValueStore<Bytes, byte[]>>as(
                                        "language-worker-enrolments")
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(WorkerEnrolments.class)));
    }

    /** A worker is the pair (memberId, workerRef). */
    static String workerOf(String memberId, String workerRef) {
        return EntityKeys.join(memberId, workerRef);
    }
}
