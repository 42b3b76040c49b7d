package nl.abu.monitor.tools.jsonl;

import java.time.Instant;
import java.time.LocalDate;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.events.RegistrationKind;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;

/** One valid value of every input type, as the tests' starting point. */
final class SampleRecords {

    static final Instant RECORDED_AT = Instant.parse("2025-02-04T08:15:00Z");

    private SampleRecords() {
    }

    static Member member() {
        return new Member("M0001", "Flex Uitzend B.V.", true, "PV27", RECORDED_AT);
    }

    static WorkerStay stay() {
        return new WorkerStay("M0001", "S-88213", "w_7f3a9c0d2e4b61aa", "PL", Sector.LOGISTICS, "GM0363",
                LocalDate.of(2025, 2, 3), null, RECORDED_AT);
    }

    static LanguageEnrolment enrolment() {
        return new LanguageEnrolment("M0001", "E-1", "w_7f3a9c0d2e4b61aa", EnrolmentStatus.ACTIVE,
                LocalDate.of(2025, 3, 1), true, false, RECORDED_AT);
    }

    static EuresPlacement placement() {
        return new EuresPlacement("M0001", "P-1", null, "RO", Sector.FOOD_PRODUCTION, LocalDate.of(2025, 1, 20),
                PlacementStatus.PLACED, RECORDED_AT);
    }

    static BrpRegistration registration() {
        return new BrpRegistration("M0001", "S-88213", "w_7f3a9c0d2e4b61aa", RegistrationKind.BRP_REGISTRATION,
                "GM0363", LocalDate.of(2025, 2, 5), RECORDED_AT);
    }

    static PksHousingRating rating() {
        return new PksHousingRating("M0001", "H-12", "GM1783", LocalDate.of(2025, 4, 1), HousingCertification.SNF,
                212, 4, 11_500L, 12_000L, Instant.parse("2025-04-02T10:00:00.123Z"));
    }
}
