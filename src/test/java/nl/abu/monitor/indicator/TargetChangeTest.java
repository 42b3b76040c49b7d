package nl.abu.monitor.indicator;

import static nl.abu.monitor.TestRecords.enrolment;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.AlertState;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.output.targets.Target;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.PeriodKind;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets change on the targets topic at run time; statuses follow, and alerts are raised and resolved. */
class TargetChangeTest {
    private static final String YEAR = "language_training_share|2025|all";
    private final PipelineTestDriver pipeline = new PipelineTestDriver(LocalDate.of(2025, 12, 31));

    @BeforeEach
    void givenOneOfThreeLongStayersInTraining() {
        for (int w = 1; w <= 3; w++) {
            pipeline.send(Topics.WORKER_STAYS, stay("S-" + w, worker(w), LocalDate.of(2025, 1, 6), null).build());
        }
        pipeline.send(Topics.LANGUAGE_ENROLMENTS,
                enrolment("E-1", worker(1), EnrolmentStatus.ACTIVE, LocalDate.of(2025, 8, 15)).build());
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static String worker(int n) {
        return String.format("w_%016d", n);
    }

    private static Target languageTarget(double value) {
        return new Target(Indicator.LANGUAGE_TRAINING_SHARE, Target.Comparison.AT_LEAST, value, 0.05,
                EnumSet.allOf(PeriodKind.class));
    }

    private List<IndicatorAlert> yearAlerts() {
        return pipeline.alerts().stream().filter(a -> a.getPeriod().equals("2025") && a.getScope().equals("all")
                && a.getIndicator().equals("language_training_share")).toList();
    }

    @Test
    void aDriftingIndicatorRaisesAnAlertWithItsFigures() {
        // then 1/3 against 0.35 is at risk, and the latest alert says so (0/3 before the enrolment was off track)
        assertThat(pipeline.indicator(YEAR).getStatus()).isEqualTo(IndicatorStatus.AT_RISK);
        List<IndicatorAlert> alerts = yearAlerts();
        assertThat(alerts).extracting(IndicatorAlert::getStatus)
                .containsExactly(IndicatorStatus.OFF_TRACK, IndicatorStatus.AT_RISK);
        IndicatorAlert latest = alerts.get(alerts.size() - 1);
        assertThat(latest.getState()).isEqualTo(AlertState.RAISED);
        assertThat(latest.getPreviousStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(latest.getValue()).isEqualTo(1.0 / 3);
        assertThat(latest.getTarget()).isEqualTo(0.35);
    }

    @Test
    void loweringTheTargetPutsTheIndicatorOnTrackAndResolvesTheAlert() {
        yearAlerts();

        // when the ABU lowers the target to 0.30 at run time
        pipeline.setTarget(languageTarget(0.30));
        pipeline.tick();

        // then the status changes without new data, and the alert resolves
        assertThat(pipeline.indicator(YEAR).getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(pipeline.indicator(YEAR).getTarget()).isEqualTo(0.30);
        List<IndicatorAlert> alerts = yearAlerts();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
            assertThat(a.getPreviousStatus()).isEqualTo(IndicatorStatus.AT_RISK);
        });
    }

    @Test
    void raisingTheTargetFurtherRaisesANewAlertForTheWorseStatus() {
        yearAlerts();

        // when the target goes up to 0.50
        pipeline.setTarget(languageTarget(0.50));
        pipeline.tick();

        // then the indicator is off track, and a new alert says so
        assertThat(pipeline.indicator(YEAR).getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(yearAlerts()).singleElement().satisfies(a -> {
            assertThat(a.getState()).isEqualTo(AlertState.RAISED);
            assertThat(a.getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
            assertThat(a.getPreviousStatus()).isEqualTo(IndicatorStatus.AT_RISK);
        });
    }

    @Test
    void newDataThatBringsTheIndicatorBackResolvesTheAlert() {
        yearAlerts();

        // when a second worker starts lessons: 2/3 >= 0.35
        pipeline.send(Topics.LANGUAGE_ENROLMENTS,
                enrolment("E-2", worker(2), EnrolmentStatus.COMPLETED, LocalDate.of(2025, 9, 1)).build());

        // then
        assertThat(pipeline.indicator(YEAR).getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(yearAlerts()).singleElement().satisfies(a -> assertThat(a.getState()).isEqualTo(AlertState.RESOLVED));
    }

    @Test
    void aTickWithNothingChangedRepeatsNoAlert() {
        yearAlerts();

        pipeline.tick();

        assertThat(yearAlerts()).isEmpty();
    }
}
