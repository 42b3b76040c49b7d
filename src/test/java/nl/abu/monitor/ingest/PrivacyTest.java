package nl.abu.monitor.ingest;

import static nl.abu.monitor.TestRecords.enrolment;
import static nl.abu.monitor.TestRecords.placement;
import static nl.abu.monitor.TestRecords.registration;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.CapturedLog;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.junit.jupiter.api.Test;

/**
 * No BSN and no workerRef is logged at INFO or above, or used in a metric, whatever members send: the ABU has
 * no legal basis to receive a BSN, and a workerRef is personal data too.
 */
class PrivacyTest {
    private static final String BSN = "111222333";
    private static final String WORKER = "w_privacyprobe0001";

    @Test
    void neitherABsnNorAWorkerRefReachesTheLogsOrTheMetrics() {
        try (CapturedLog log = CapturedLog.ofRoot();
                PipelineTestDriver pipeline = new PipelineTestDriver(LocalDate.of(2025, 12, 31))) {
            // given records with a BSN in every workerRef field, and valid and invalid records of a worker
            pipeline.send(Topics.WORKER_STAYS, stay().setWorkerRef(BSN).build());
            pipeline.send(Topics.LANGUAGE_ENROLMENTS, enrolment().setWorkerRef(BSN).build());
            pipeline.send(Topics.BRP_REGISTRATIONS, registration().setWorkerRef(BSN).build());
            pipeline.send(Topics.EURES_PLACEMENTS, placement().setWorkerRef(BSN).build());
            pipeline.send(Topics.WORKER_STAYS, stay("S-1", WORKER, LocalDate.of(2025, 1, 6), null).build());
            pipeline.send(Topics.WORKER_STAYS, stay("S-2", WORKER, LocalDate.of(2025, 2, 6), null)
                    .setMunicipality("XX12").build());
            pipeline.send(Topics.LANGUAGE_ENROLMENTS,
                    enrolment("E-9", WORKER, EnrolmentStatus.ACTIVE, LocalDate.of(2025, 8, 1)).build());
            pipeline.send(Topics.WORKER_STAYS, "S-3", stay("S-3", WORKER, LocalDate.of(2025, 3, 1), null).build(),
                    java.time.Instant.now());

            // when they have been processed
            assertThat(pipeline.rejected()).hasSize(6);
            assertThat(pipeline.indicator("long_stay_share|2025|all").getDenominator()).isEqualTo(1);

            // then the log says what happened, without the values
            List<String> lines = log.lines();
            assertThat(lines).anyMatch(l -> l.contains("LOOKS_LIKE_BSN")).anyMatch(l -> l.contains("KEY_MISMATCH"));
            assertThat(lines).noneMatch(l -> l.contains(BSN)).noneMatch(l -> l.contains(WORKER));
            // and no metric names or tags carry them
            for (Meter meter : pipeline.meters.getMeters()) {
                assertThat(meter.getId().getName()).doesNotContain(BSN).doesNotContain(WORKER);
                for (Tag tag : meter.getId().getTags()) {
                    assertThat(tag.getValue()).doesNotContain(BSN).doesNotContain(WORKER);
                }
            }
        }
    }
}
