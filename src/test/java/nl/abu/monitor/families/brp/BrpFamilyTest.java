package nl.abu.monitor.families.brp;

import static nl.abu.monitor.TestRecords.registration;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.RegistrationKind;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrpFamilyTest {
    /** The topology of this family alone, on every input. */
    private static final List<Family<?>> ALONE = List.of(BrpFamily.family());
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String ON_TIME = "brp_registration_on_time_share|";
    private static final String DEREGISTERED = "brp_deregistration_share|";
    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-04-01T10:00:00Z");
    private static final Instant T3 = Instant.parse("2025-05-01T10:00:00Z");

    private final PipelineTestDriver pipeline = new PipelineTestDriver(AS_OF, ALONE);

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static String worker(int n) {
        return String.format("w_%016d", n);
    }

    private static WorkerStay.Builder stayOf(int n, LocalDate arrival, LocalDate departure) {
        return stay("S-" + n, worker(n), arrival, departure).setRecordedAt(T1);
    }

    private static BrpRegistration.Builder registrationOf(int n, RegistrationKind kind, LocalDate effective) {
        return registration().setStayId("S-" + n).setWorkerRef(worker(n)).setKind(kind).setEffectiveDate(effective)
                .setRecordedAt(T1);
    }

    private static String registrationKey(int n, RegistrationKind kind) {
        return "M0001/S-" + n + "/" + kind.name();
    }

    private void send(WorkerStay.Builder stay) {
        pipeline.send(Topics.WORKER_STAYS, stay.build());
    }

    private void send(BrpRegistration.Builder registration) {
        pipeline.send(Topics.BRP_REGISTRATIONS, registration.build());
    }

    private long numerator(String cell) {
        return pipeline.indicator(cell).getNumerator();
    }

    private long denominator(String cell) {
        return pipeline.indicator(cell).getDenominator();
    }

    @Test
    void countsRegistrationsByArrivalPlusFiveDaysAsOnTime() {
        // given three stays that arrived on 10 March 2025
        LocalDate arrival = LocalDate.of(2025, 3, 10);
        for (int n = 1; n <= 3; n++) {
            send(stayOf(n, arrival, null));
        }
        // when one is registered exactly on arrival + 5, one a day later, and one in the RNI on arrival
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 3, 15)));
        send(registrationOf(2, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 3, 16)));
        send(registrationOf(3, RegistrationKind.RNI_REGISTRATION, arrival));

        // then two of the three were on time, in March, Q1 and 2025
        IndicatorValue march = pipeline.indicator(ON_TIME + "2025-03|all");
        assertThat(march.getNumerator()).isEqualTo(2);
        assertThat(march.getDenominator()).isEqualTo(3);
        assertThat(march.getValue()).isEqualTo(2.0 / 3);
        assertThat(march.getTarget()).isEqualTo(0.95);
        assertThat(march.getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(denominator(ON_TIME + "2025-Q1|all")).isEqualTo(3);
        assertThat(numerator(ON_TIME + "2025|all")).isEqualTo(2);
        assertThat(pipeline.indicator(ON_TIME + "2025-04|all")).isNull();
    }

    @Test
    void aCorrectedArrivalMovesTheStayToAnotherMonth() {
        // given a stay that arrived on 3 February, registered on time
        send(stayOf(1, LocalDate.of(2025, 2, 3), null));
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 5)));
        assertThat(numerator(ON_TIME + "2025-02|all")).isEqualTo(1);

        // when the member corrects the arrival to 3 March
        send(stayOf(1, LocalDate.of(2025, 3, 3), null).setRecordedAt(T2));

        // then February no longer counts it; in March the registration (before arrival) is still on time
        assertThat(denominator(ON_TIME + "2025-02|all")).isZero();
        assertThat(pipeline.indicator(ON_TIME + "2025-02|all").getStatus()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(numerator(ON_TIME + "2025-03|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025-03|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025-Q1|all")).isEqualTo(1);
    }

    @Test
    void aCorrectedEffectiveDateMovesTheStayIntoAndOutOfTheNumerator() {
        // given a stay registered late
        send(stayOf(1, LocalDate.of(2025, 2, 3), null));
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 20)));
        assertThat(numerator(ON_TIME + "2025-02|all")).isZero();

        // when the member corrects the effective date
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 7)).setRecordedAt(T2));
        // then it was on time
        assertThat(numerator(ON_TIME + "2025-02|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025-02|all")).isEqualTo(1);

        // and corrected back, it is late again
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 9)).setRecordedAt(T3));
        assertThat(numerator(ON_TIME + "2025-02|all")).isZero();
        assertThat(denominator(ON_TIME + "2025-02|all")).isEqualTo(1);
    }

    @Test
    void aRetractedStayCountsNowhereAndAnOlderVersionCannotResurrectIt() {
        // given a registered stay
        send(stayOf(1, LocalDate.of(2025, 2, 3), null));
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 5)));
        assertThat(denominator(ON_TIME + "2025-02|all")).isEqualTo(1);

        // when the stay is retracted
        pipeline.retract(Topics.WORKER_STAYS, "M0001/S-1", T2);
        // then it counts nowhere, though its registration is still there
        assertThat(denominator(ON_TIME + "2025-02|all")).isZero();
        assertThat(numerator(ON_TIME + "2025-02|all")).isZero();

        // when a version recorded before the retraction arrives late, it stays retracted
        send(stayOf(1, LocalDate.of(2025, 2, 3), null).setRecordedAt(Instant.parse("2025-03-15T10:00:00Z")));
        assertThat(denominator(ON_TIME + "2025-02|all")).isZero();

        // when a newer version arrives, the stay is back with its registration
        send(stayOf(1, LocalDate.of(2025, 2, 3), null).setRecordedAt(T3));
        assertThat(numerator(ON_TIME + "2025-02|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025-02|all")).isEqualTo(1);
    }

    @Test
    void aRetractedRegistrationNoLongerCounts() {
        // given a stay registered on time, that left on 10 June with a BRP deregistration on time
        send(stayOf(1, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 6, 10)));
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 5)));
        send(registrationOf(1, RegistrationKind.BRP_DEREGISTRATION, LocalDate.of(2025, 6, 10)));
        assertThat(numerator(ON_TIME + "2025-02|all")).isEqualTo(1);
        assertThat(numerator(DEREGISTERED + "2025-06|all")).isEqualTo(1);

        // when the deregistration is retracted
        pipeline.retract(Topics.BRP_REGISTRATIONS, registrationKey(1, RegistrationKind.BRP_DEREGISTRATION), T2);
        // then the departure is still due a deregistration, now missing
        assertThat(numerator(DEREGISTERED + "2025-06|all")).isZero();
        assertThat(denominator(DEREGISTERED + "2025-06|all")).isEqualTo(1);

        // when the registration is retracted too
        pipeline.retract(Topics.BRP_REGISTRATIONS, registrationKey(1, RegistrationKind.BRP_REGISTRATION), T2);
        // then the stay was not registered on time, and without a BRP registration no deregistration is due
        assertThat(numerator(ON_TIME + "2025-02|all")).isZero();
        assertThat(denominator(ON_TIME + "2025-02|all")).isEqualTo(1);
        assertThat(denominator(DEREGISTERED + "2025-06|all")).isZero();
    }

    @Test
    void staleVersionsAndDuplicatesChangeNothing() {
        // given a stay whose late registration was corrected to on time
        send(stayOf(1, LocalDate.of(2025, 2, 3), null));
        BrpRegistration.Builder late = registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 2, 20));
        BrpRegistration.Builder corrected = registrationOf(1, RegistrationKind.BRP_REGISTRATION,
                LocalDate.of(2025, 2, 6)).setRecordedAt(T2);
        send(late);
        send(corrected);

        // when the old version arrives again, and the new one twice, and the stay once more
        send(late);
        send(corrected);
        send(corrected);
        send(stayOf(1, LocalDate.of(2025, 2, 3), null));

        // then the truth is still the correction, counted once
        assertThat(numerator(ON_TIME + "2025-02|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025-02|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025|all")).isEqualTo(1);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.BRP_REGISTRATIONS)).isEqualTo(3);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.WORKER_STAYS)).isEqualTo(1);
    }

    @Test
    void aLateEventForAPastMonthCorrectsThatMonth() {
        // given, as of 31 December, a stay that arrived in January and no registration known
        send(stayOf(1, LocalDate.of(2025, 1, 6), null));
        assertThat(numerator(ON_TIME + "2025-01|all")).isZero();

        // when its registration arrives in December
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 1, 8))
                .setRecordedAt(Instant.parse("2025-12-20T10:00:00Z")));

        // then January, Q1 and the year count it as on time
        assertThat(numerator(ON_TIME + "2025-01|all")).isEqualTo(1);
        assertThat(numerator(ON_TIME + "2025-Q1|all")).isEqualTo(1);
        assertThat(numerator(ON_TIME + "2025|all")).isEqualTo(1);
    }

    @Test
    void aStayInAYearNoLongerOpenIsNotReported() {
        // when a stay of 2023 and its registration arrive (open years: 2024 and 2025), and the same a year later
        send(stayOf(1, LocalDate.of(2023, 11, 6), LocalDate.of(2023, 12, 1)));
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2023, 11, 6)));
        send(stayOf(2, LocalDate.of(2024, 11, 6), LocalDate.of(2024, 12, 1)));
        send(registrationOf(2, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2024, 11, 6)));

        // then nothing is reported for the first, while the second counts in its open periods
        assertThat(pipeline.indicator(ON_TIME + "2023-11|all")).isNull();
        assertThat(pipeline.indicator(ON_TIME + "2023|all")).isNull();
        assertThat(pipeline.indicator(DEREGISTERED + "2023-12|all")).isNull();
        assertThat(numerator(ON_TIME + "2024-11|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2024|all")).isEqualTo(1);
        assertThat(denominator(DEREGISTERED + "2024-12|all")).isEqualTo(1);
    }

    @Test
    void aRegistrationBeforeItsStayIsKnownCountsOnceTheStayArrives() {
        // given a registration whose stay is not known yet
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 4, 2)));
        assertThat(pipeline.indicator(ON_TIME + "2025-04|all")).isNull();

        // when the stay arrives
        send(stayOf(1, LocalDate.of(2025, 4, 1), null));

        // then it was registered on time
        assertThat(numerator(ON_TIME + "2025-04|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2025-04|all")).isEqualTo(1);
    }

    @Test
    void anRniRegistrationIsOnTimeButIsNotTheBrpRegistrationADeregistrationNeeds() {
        // given a stay registered in the RNI only, that left with a deregistration on time
        send(stayOf(1, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 15)));
        send(registrationOf(1, RegistrationKind.RNI_REGISTRATION, LocalDate.of(2025, 4, 1)));
        send(registrationOf(1, RegistrationKind.BRP_DEREGISTRATION, LocalDate.of(2025, 5, 16)));

        // then it was registered on time, and is not in the deregistration share
        assertThat(numerator(ON_TIME + "2025-04|all")).isEqualTo(1);
        assertThat(pipeline.indicator(DEREGISTERED + "2025-05|all")).isNull();

        // when a BRP registration turns up (late, which does not matter here)
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 4, 20)));

        // then the deregistration counts, on time
        assertThat(numerator(DEREGISTERED + "2025-05|all")).isEqualTo(1);
        assertThat(denominator(DEREGISTERED + "2025-05|all")).isEqualTo(1);
        assertThat(denominator(DEREGISTERED + "2025-Q2|all")).isEqualTo(1);
        assertThat(numerator(ON_TIME + "2025-04|all")).isEqualTo(1);
    }

    @Test
    void aDeregistrationIsOnTimeOnDeparturePlusFiveButNotPlusSix() {
        // given two registered stays that left on 30 September (the end of Q3)
        LocalDate departure = LocalDate.of(2025, 9, 30);
        for (int n = 1; n <= 2; n++) {
            send(stayOf(n, LocalDate.of(2025, 4, 1), departure));
            send(registrationOf(n, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 4, 1)));
        }
        // when one is deregistered on 5 October, the other on 6 October
        send(registrationOf(1, RegistrationKind.BRP_DEREGISTRATION, LocalDate.of(2025, 10, 5)));
        send(registrationOf(2, RegistrationKind.BRP_DEREGISTRATION, LocalDate.of(2025, 10, 6)));

        // then the departures count in September and Q3 (not October or Q4), one of them on time
        assertThat(numerator(DEREGISTERED + "2025-09|all")).isEqualTo(1);
        assertThat(denominator(DEREGISTERED + "2025-09|all")).isEqualTo(2);
        assertThat(denominator(DEREGISTERED + "2025-Q3|all")).isEqualTo(2);
        assertThat(pipeline.indicator(DEREGISTERED + "2025-10|all")).isNull();
        assertThat(pipeline.indicator(DEREGISTERED + "2025-Q4|all")).isNull();
    }

    @Test
    void theRegistrationDeadlinePassingWithNoNewEventBringsTheStayIn() {
        // given a live pipeline on 14 March 2025 and a stay that arrived on 10 March, not registered yet
        try (PipelineTestDriver live = new PipelineTestDriver(LocalDate.of(2025, 3, 14), ALONE)) {
            live.send(Topics.WORKER_STAYS, stayOf(1, LocalDate.of(2025, 3, 10), null).build());
            live.send(Topics.BRP_REGISTRATIONS,
                    registrationOf(1, RegistrationKind.RNI_REGISTRATION, LocalDate.of(2025, 3, 16)).build());
            assertThat(live.indicator(ON_TIME + "2025-03|all")).isNull();

            // when the calendar moves to 15 March (arrival + 5), with no new event
            live.moveTo(LocalDate.of(2025, 3, 15));

            // then the stay is due and was not registered on time
            IndicatorValue march = live.indicator(ON_TIME + "2025-03|all");
            assertThat(march.getDenominator()).isEqualTo(1);
            assertThat(march.getNumerator()).isZero();
            assertThat(march.getAsOf()).isEqualTo(LocalDate.of(2025, 3, 15));
            assertThat(live.indicator(ON_TIME + "2025-Q1|all").getDenominator()).isEqualTo(1);
        }
    }

    @Test
    void theDeregistrationDeadlinePassingWithNoNewEventBringsTheDepartureIn() {
        // given a live pipeline on 23 June 2025 and a registered stay that left on 20 June, deregistered on time
        try (PipelineTestDriver live = new PipelineTestDriver(LocalDate.of(2025, 6, 23), ALONE)) {
            live.send(Topics.WORKER_STAYS, stayOf(1, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 6, 20)).build());
            live.send(Topics.BRP_REGISTRATIONS,
                    registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 3, 11)).build());
            live.send(Topics.BRP_REGISTRATIONS,
                    registrationOf(1, RegistrationKind.BRP_DEREGISTRATION, LocalDate.of(2025, 6, 21)).build());
            assertThat(live.indicator(DEREGISTERED + "2025-06|all")).isNull();

            // when the calendar moves to 24 June, still before the deadline, nothing is due
            live.moveTo(LocalDate.of(2025, 6, 24));
            assertThat(live.indicator(DEREGISTERED + "2025-06|all")).isNull();

            // when it moves to 25 June (departure + 5)
            live.moveTo(LocalDate.of(2025, 6, 25));

            // then the departure counts, deregistered on time
            IndicatorValue june = live.indicator(DEREGISTERED + "2025-06|all");
            assertThat(june.getNumerator()).isEqualTo(1);
            assertThat(june.getDenominator()).isEqualTo(1);
            assertThat(june.getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
        }
    }

    @Test
    void anArrivalOn31DecemberCountsInDecemberOnceTheDeadlinePassesInTheNewYear() {
        // given a live pipeline on 31 December 2024, stays arriving on 31 December and 1 January
        try (PipelineTestDriver live = new PipelineTestDriver(LocalDate.of(2024, 12, 31), ALONE)) {
            live.send(Topics.WORKER_STAYS, stayOf(1, LocalDate.of(2024, 12, 31), null).build());
            live.send(Topics.WORKER_STAYS, stayOf(2, LocalDate.of(2025, 1, 1), null).build());
            live.send(Topics.BRP_REGISTRATIONS,
                    registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 1, 5)).build());
            live.send(Topics.BRP_REGISTRATIONS,
                    registrationOf(2, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 1, 7)).build());

            // when the calendar reaches 5 January 2025 (31 December + 5)
            live.moveTo(LocalDate.of(2025, 1, 1));
            live.moveTo(LocalDate.of(2025, 1, 5));

            // then the first stay counts in December 2024, Q4 and 2024, on time; the second is not due yet
            assertThat(live.indicator(ON_TIME + "2024-12|all").getNumerator()).isEqualTo(1);
            assertThat(live.indicator(ON_TIME + "2024-Q4|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator(ON_TIME + "2024|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator(ON_TIME + "2025-01|all")).isNull();

            // when it reaches 6 January (1 January + 5)
            live.moveTo(LocalDate.of(2025, 1, 6));

            // then the second counts in January 2025, Q1 and 2025, late; 2024 is unchanged
            IndicatorValue january = live.indicator(ON_TIME + "2025-01|all");
            assertThat(january.getNumerator()).isZero();
            assertThat(january.getDenominator()).isEqualTo(1);
            assertThat(live.indicator(ON_TIME + "2025-Q1|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator(ON_TIME + "2025|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator(ON_TIME + "2024|all").getDenominator()).isEqualTo(1);
        }
    }

    @Test
    void aLeapDayArrivalCountsInFebruary2024AndIsDueOn5March() {
        // given stays arriving on 29 February 2024 and on 31 March 2024 (the end of Q1)
        send(stayOf(1, LocalDate.of(2024, 2, 29), null));
        send(stayOf(2, LocalDate.of(2024, 3, 31), null));
        // when one is registered on 5 March, the other on 5 April (both arrival + 5)
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2024, 3, 5)));
        send(registrationOf(2, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2024, 4, 5)));

        // then both are on time, in the months and the quarter of their arrival
        assertThat(numerator(ON_TIME + "2024-02|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2024-02|all")).isEqualTo(1);
        assertThat(numerator(ON_TIME + "2024-03|all")).isEqualTo(1);
        assertThat(denominator(ON_TIME + "2024-03|all")).isEqualTo(1);
        assertThat(numerator(ON_TIME + "2024-Q1|all")).isEqualTo(2);
        assertThat(denominator(ON_TIME + "2024-Q1|all")).isEqualTo(2);
        assertThat(pipeline.indicator(ON_TIME + "2024-Q2|all")).isNull();

        // when the first registration is corrected to 6 March, it is late
        send(registrationOf(1, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2024, 3, 6)).setRecordedAt(T2));
        assertThat(numerator(ON_TIME + "2024-02|all")).isZero();
        assertThat(numerator(ON_TIME + "2024-Q1|all")).isEqualTo(1);
    }

    @Test
    void aSectorWithFewerThanFiveStaysIsSuppressed() {
        // given four stays in construction, registered on time
        for (int n = 1; n <= 4; n++) {
            send(stayOf(n, LocalDate.of(2025, 5, 5), null).setSector(Sector.CONSTRUCTION));
            send(registrationOf(n, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 5, 6)));
        }
        // then the sector scope hides its counts, while "all" does not
        IndicatorValue sector = pipeline.indicator(ON_TIME + "2025-05|sector:CONSTRUCTION");
        assertThat(sector.getStatus()).isEqualTo(IndicatorStatus.SUPPRESSED);
        assertThat(sector.getNumerator()).isNull();
        assertThat(sector.getDenominator()).isNull();
        assertThat(sector.getValue()).isNull();
        assertThat(denominator(ON_TIME + "2025-05|all")).isEqualTo(4);

        // when a fifth arrives, registered late, the sector is shown
        send(stayOf(5, LocalDate.of(2025, 5, 5), null).setSector(Sector.CONSTRUCTION));
        send(registrationOf(5, RegistrationKind.BRP_REGISTRATION, LocalDate.of(2025, 5, 20)));
        IndicatorValue shown = pipeline.indicator(ON_TIME + "2025-05|sector:CONSTRUCTION");
        assertThat(shown.getNumerator()).isEqualTo(4);
        assertThat(shown.getDenominator()).isEqualTo(5);
        assertThat(shown.getValue()).isEqualTo(0.8);
        assertThat(shown.getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(pipeline.indicator(ON_TIME + "2025-05|sector:LOGISTICS")).isNull();
    }
}
