package nl.abu.monitor.families.language;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.EntityParts;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.PartsFold;
import nl.abu.monitor.ingest.RecordLifetime;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.LanguageWorker;
import nl.abu.monitor.state.StayFacts;

/**
 * {@code long_stay_share} and {@code language_training_share}: stays and enrolments are gathered per worker
 * (memberId, workerRef) in {@code language-workers}; each worker's change moves the cells it counts in.
 */
public final class LanguageFamily {
    public static final String FAMILY = Indicator.LANGUAGE_TRAINING_SHARE.family();
    static final String WORKERS_STORE = "language-workers";

    /** A worker holds nothing once it has neither stays nor enrolments. */
    private static final Predicate<LanguageWorker> NOTHING = worker -> worker.getStays().isEmpty()
            && worker.getEnrolments().isEmpty();
    /** A worker's stays, by stay key: only what the rules read of a stay. */
    private static final EntityParts<LanguageWorker, StayFacts> STAYS = new EntityParts<>(LanguageWorker::getStays,
            (worker, stays) -> new LanguageWorker(stays, worker == null ? Map.of() : worker.getEnrolments()), NOTHING);
    /** A worker's enrolments, by enrolment key: only what the rules read of an enrolment. */
    private static final EntityParts<LanguageWorker, EnrolmentFacts> ENROLMENTS = new EntityParts<>(
            LanguageWorker::getEnrolments,
            (worker, enrolments) -> new LanguageWorker(worker == null ? Map.of() : worker.getStays(), enrolments),
            NOTHING);

    private LanguageFamily() {
    }

    /** The family: workers, from their stays and enrolments. */
    public static Family<LanguageWorker> family() {
        return new Family<>(FAMILY, WORKERS_STORE, List.of(
                Family.input(Topics.WORKER_STAYS, PartsFold.of(
                        (key, stay) -> workerOf(stay.getMemberId(), stay.getWorkerRef()), (key, stay) -> key,
                        stay -> new StayFacts(stay.getSector(), stay.getArrivalDate(), stay.getDepartureDate()),
                        STAYS), WorkerStay::getDepartureDate),
                Family.input(Topics.LANGUAGE_ENROLMENTS, PartsFold.of(
                        (key, enrolment) -> workerOf(enrolment.getMemberId(), enrolment.getWorkerRef()),
                        (key, enrolment) -> key,
                        enrolment -> new EnrolmentFacts(enrolment.getStatus(), enrolment.getStartedOn()),
                        ENROLMENTS), LanguageFamily::lastDayCounted)),
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
}
