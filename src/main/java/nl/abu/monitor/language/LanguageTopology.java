package nl.abu.monitor.language;

import java.util.HashMap;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputTables;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.LanguageWorker;
import nl.abu.monitor.state.StayFacts;
import nl.abu.monitor.state.WorkerEnrolments;
import nl.abu.monitor.state.WorkerStays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * {@code long_stay_share} and {@code language_training_share}: stays and enrolments are gathered per worker
 * (memberId, workerRef); each worker's change moves the cells it counts in.
 */
public final class LanguageTopology {
    public static final String FAMILY = "language";
    static final String WORKERS_STORE = "language-workers";

    private final InputTables inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;

    public LanguageTopology(InputTables inputs, PipelineSerdes serdes, IndicatorOutput output) {
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
    }

    public void build() {
        KTable<String, LanguageWorker> workers = staysByWorker().outerJoin(enrolmentsByWorker(),
                (stays, enrolments) -> new LanguageWorker(
                        stays == null ? new HashMap<>() : stays.getStays(),
                        enrolments == null ? new HashMap<>() : enrolments.getEnrolments()),
                Named.as(WORKERS_STORE),
                serdes.materialized(WORKERS_STORE, LanguageWorker.class));
        output.publish(FAMILY, workers, WORKERS_STORE, LanguageCells::of);
    }

    private KTable<String, WorkerStays> staysByWorker() {
        KTable<String, WorkerStay> stays = inputs.of(Topics.WORKER_STAYS);
        return stays
                .groupBy((key, stay) -> KeyValue.pair(workerOf(stay.getMemberId(), stay.getWorkerRef()), stay),
                        Grouped.with("language-stays-by-worker", Serdes.String(), serdes.of(WorkerStay.class)))
                .aggregate(() -> new WorkerStays(new HashMap<>()),
                        (worker, stay, all) -> {
                            var byKey = new HashMap<>(all.getStays());
                            byKey.put(EntityKeys.of(stay),
                                    new StayFacts(stay.getSector(), stay.getArrivalDate(), stay.getDepartureDate()));
                            return new WorkerStays(byKey);
                        },
                        (worker, stay, all) -> {
                            var byKey = new HashMap<>(all.getStays());
                            byKey.remove(EntityKeys.of(stay));
                            return new WorkerStays(byKey);
                        },
                        Named.as("language-worker-stays"),
                        serdes.materialized("language-worker-stays", WorkerStays.class));
    }

    private KTable<String, WorkerEnrolments> enrolmentsByWorker() {
        KTable<String, LanguageEnrolment> enrolments = inputs.of(Topics.LANGUAGE_ENROLMENTS);
        return enrolments
                .groupBy((key, e) -> KeyValue.pair(workerOf(e.getMemberId(), e.getWorkerRef()), e),
                        Grouped.with("language-enrolments-by-worker", Serdes.String(),
                                serdes.of(LanguageEnrolment.class)))
                .aggregate(() -> new WorkerEnrolments(new HashMap<>()),
                        (worker, e, all) -> {
                            var byKey = new HashMap<>(all.getEnrolments());
                            byKey.put(EntityKeys.of(e), new EnrolmentFacts(e.getStatus(), e.getStartedOn()));
                            return new WorkerEnrolments(byKey);
                        },
                        (worker, e, all) -> {
                            var byKey = new HashMap<>(all.getEnrolments());
                            byKey.remove(EntityKeys.of(e));
                            return new WorkerEnrolments(byKey);
                        },
                        Named.as("language-worker-enrolments"),
                        serdes.materialized("language-worker-enrolments", WorkerEnrolments.class));
    }

    /** A worker is the pair (memberId, workerRef). */
    static String workerOf(String memberId, String workerRef) {
        return EntityKeys.join(memberId, workerRef);
    }
}
