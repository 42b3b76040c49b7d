package nl.abu.monitor.families.language;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.EntityFold;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.ingest.RecordLifetime;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.LanguageWorker;
import nl.abu.monitor.state.StayFacts;

/**
 * {@code long_stay_share} and {@code language_training_share}: stays and enrolments are gathered per worker
 * (memberId, workerRef) in {@code language-workers}; each worker's change moves the cells it counts in.
 */
public final class LanguageFamily {
    public static final String FAMILY = "language";
    static final String WORKERS_STORE = "language-workers";

    private LanguageFamily() {
    }

    /** The family: workers, from their stays and enrolments. */
    public static Family<LanguageWorker> family() {
        return new Family<>(FAMILY, WORKERS_STORE, List.of(
                Family.input(Topics.WORKER_STAYS, new StaysOfWorker(), WorkerStay::getDepartureDate),
                Family.input(Topics.LANGUAGE_ENROLMENTS, new EnrolmentsOfWorker(), LanguageFamily::lastDayCounted)),
                LanguageCells::cells);
    }

    /**
     * A worker counts as trained in every period after a lesson of an ACTIVE or COMPLETED enrolment, however long
     * ago; any other enrolment makes it count nowhere.
     */
    private static LocalDate lastDayCounted(LanguageEnrolment enrolment) {
        boolean following = enrolment.getStatus() == EnrolmentStatus.ACTIVE
                || enrolment.getStatus() == EnrolmentStatus.COMPLETED;
        return following && enrolment.getStartedOn() != null ? null : RecordLifetime.NEVER_COUNTS;
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
