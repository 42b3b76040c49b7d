package nl.abu.monitor.language;

import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.EntityFold;
import nl.abu.monitor.indicator.EntityTable;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityChange;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.LanguageWorker;
import nl.abu.monitor.state.StayFacts;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * {@code long_stay_share} and {@code language_training_share}: stays and enrolments are gathered per worker
 * (memberId, workerRef) in {@code language-workers}; each worker's change moves the cells it counts in.
 */
public final class LanguageTopology {
    public static final String FAMILY = "language";
    static final String WORKERS_STORE = "language-workers";

    private final StreamsBuilder builder;
    private final InputChanges inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;

    public LanguageTopology(StreamsBuilder builder, InputChanges inputs, PipelineSerdes serdes,
            IndicatorOutput output) {
        this.builder = builder;
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
    }

    public void build() {
        EntityTable<LanguageWorker> workers = new EntityTable<>(builder, serdes, WORKERS_STORE, LanguageWorker.class);
        KStream<String, EntityChange<LanguageWorker>> changes = workers
                .fold(inputs.<WorkerStay>of(Topics.WORKER_STAYS), "language-stays-to-workers", new StaysOfWorker())
                .merge(workers.fold(inputs.<LanguageEnrolment>of(Topics.LANGUAGE_ENROLMENTS),
                        "language-enrolments-to-workers", new EnrolmentsOfWorker()),
                        Named.as("language-worker-changes"));
        output.publish(FAMILY, changes, WORKERS_STORE, LanguageCells::cells);
    }

    /** A worker is the pair (memberId, workerRef). */
    static String workerOf(String memberId, String workerRef) {
        return EntityKeys.join(memberId, workerRef);
    }

    private static LanguageWorker orEmpty(LanguageWorker held) {
        return held == null ? new LanguageWorker(new HashMap<>(), new HashMap<>()) : held;
    }

    /** A worker's stays, by stay key: only what the rules read of a stay. */
    private static final class StaysOfWorker implements EntityFold<WorkerStay, LanguageWorker> {
        @Override
        public String entityOf(String key, WorkerStay stay) {
            return workerOf(stay.getMemberId(), stay.getWorkerRef());
        }

        @Override
        public LanguageWorker add(LanguageWorker held, String key, WorkerStay stay) {
            LanguageWorker worker = orEmpty(held);
            Map<String, StayFacts> stays = new HashMap<>(worker.getStays());
            stays.put(key, new StayFacts(stay.getSector(), stay.getArrivalDate(), stay.getDepartureDate()));
            return new LanguageWorker(stays, worker.getEnrolments());
        }

        @Override
        public LanguageWorker remove(LanguageWorker held, String key, WorkerStay stay) {
            Map<String, StayFacts> stays = new HashMap<>(held.getStays());
            stays.remove(key);
            return new LanguageWorker(stays, held.getEnrolments());
        }

        @Override
        public boolean isEmpty(LanguageWorker worker) {
            return worker.getStays().isEmpty() && worker.getEnrolments().isEmpty();
        }
    }

    /** A worker's enrolments, by enrolment key: only what the rules read of an enrolment. */
    private static final class EnrolmentsOfWorker implements EntityFold<LanguageEnrolment, LanguageWorker> {
        @Override
        public String entityOf(String key, LanguageEnrolment enrolment) {
            return workerOf(enrolment.getMemberId(), enrolment.getWorkerRef());
        }

        @Override
        public LanguageWorker add(LanguageWorker held, String key, LanguageEnrolment enrolment) {
            LanguageWorker worker = orEmpty(held);
            Map<String, EnrolmentFacts> enrolments = new HashMap<>(worker.getEnrolments());
            enrolments.put(key, new EnrolmentFacts(enrolment.getStatus(), enrolment.getStartedOn()));
            return new LanguageWorker(worker.getStays(), enrolments);
        }

        @Override
        public LanguageWorker remove(LanguageWorker held, String key, LanguageEnrolment enrolment) {
            Map<String, EnrolmentFacts> enrolments = new HashMap<>(held.getEnrolments());
            enrolments.remove(key);
            return new LanguageWorker(held.getStays(), enrolments);
        }

        @Override
        public boolean isEmpty(LanguageWorker worker) {
            return worker.getStays().isEmpty() && worker.getEnrolments().isEmpty();
        }
    }
}
