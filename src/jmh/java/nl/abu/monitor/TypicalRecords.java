package nl.abu.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
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
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.LanguageWorker;
import nl.abu.monitor.state.StayFacts;
import org.apache.avro.specific.SpecificRecord;

/**
 * Valid records as the simulator makes them, one per input topic, and the entities the pipeline keeps for
 * one worker and one stay. The benchmarks measure these, so their field lengths and shapes are the usual ones.
 */
public final class TypicalRecords {
    /** The as-of date of the benchmarks: late in the plan year, so nearly all periods of two open years are reported. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 11, 15);
    public static final String MEMBER = "M0042";
    public static final String WORKER = "w_7f3a9c0d2e4b61aa";
    public static final Instant RECORDED = Instant.parse("2025-03-11T08:15:00Z");

    private static final LocalDate FIRST_ARRIVAL = LocalDate.of(2024, 4, 2);
    private static final LocalDate FIRST_DEPARTURE = LocalDate.of(2024, 10, 25);
    private static final LocalDate ARRIVAL = LocalDate.of(2025, 3, 10);
    private static final LocalDate FIRST_LESSON = LocalDate.of(2025, 5, 6);

    private TypicalRecords() {
    }

    /** A record of each input topic, by topic. */
    public static Map<String, SpecificRecord> inputs() {
        return Map.of(
                Topics.MEMBERS, member(),
                Topics.WORKER_STAYS, stay(),
                Topics.LANGUAGE_ENROLMENTS, enrolment(),
                Topics.EURES_PLACEMENTS, placement(),
                Topics.BRP_REGISTRATIONS, registration(),
                Topics.PKS_HOUSING_RATINGS, housingRating());
    }

    public static Member member() {
        return Member.newBuilder().setMemberId(MEMBER).setName("Uitzendbureau Voorbeeld B.V.")
                .setFairEmploymentCode(true).setProvince("PV27").setRecordedAt(RECORDED).build();
    }

    public static WorkerStay stay() {
        return WorkerStay.newBuilder().setMemberId(MEMBER).setStayId("S-0088213").setWorkerRef(WORKER)
                .setNationality("PL").setSector(Sector.LOGISTICS).setMunicipality("GM0363")
                .setArrivalDate(ARRIVAL).setDepartureDate(null).setRecordedAt(RECORDED).build();
    }

    public static LanguageEnrolment enrolment() {
        return LanguageEnrolment.newBuilder().setMemberId(MEMBER).setEnrolmentId("E-0031207").setWorkerRef(WORKER)
                .setStatus(EnrolmentStatus.ACTIVE).setStartedOn(FIRST_LESSON).setDuringWorkingHours(true)
                .setDoorzaamSubsidy(false).setRecordedAt(RECORDED).build();
    }

    public static EuresPlacement placement() {
        return EuresPlacement.newBuilder().setMemberId(MEMBER).setPlacementId("P-0004411").setWorkerRef(WORKER)
                .setOriginCountry("RO").setSector(Sector.FOOD_PRODUCTION).setPlacedOn(ARRIVAL)
                .setStatus(PlacementStatus.PLACED).setRecordedAt(RECORDED).build();
    }

    public static BrpRegistration registration() {
        return BrpRegistration.newBuilder().setMemberId(MEMBER).setStayId("S-0088213").setWorkerRef(WORKER)
                .setKind(RegistrationKind.BRP_REGISTRATION).setMunicipality("GM0363")
                .setEffectiveDate(ARRIVAL.plusDays(3)).setRecordedAt(RECORDED).build();
    }

    public static PksHousingRating housingRating() {
        return PksHousingRating.newBuilder().setMemberId(MEMBER).setHousingUnitRef("H-00512").setMunicipality("GM0599")
                .setRatedOn(LocalDate.of(2025, 5, 1)).setCertification(HousingCertification.SNF).setPksPoints(140)
                .setOccupants(4).setWeeklyRentCents(11_000).setMaxWeeklyRentCents(12_000).setRecordedAt(RECORDED)
                .build();
    }

    /**
     * A returning worker: a stay of last year that ended, the current one (long since September), and one
     * language course under way. Such a worker counts in both language indicators, in many periods.
     */
    public static LanguageWorker languageWorker() {
        return LanguageWorker.newBuilder()
                .setStays(Map.of(
                        MEMBER + "/S-0061877", new StayFacts(Sector.HORTICULTURE, FIRST_ARRIVAL, FIRST_DEPARTURE),
                        MEMBER + "/S-0088213", new StayFacts(Sector.LOGISTICS, ARRIVAL, null)))
                .setEnrolments(Map.of(MEMBER + "/E-0031207", new EnrolmentFacts(EnrolmentStatus.ACTIVE, FIRST_LESSON)))
                .build();
    }

    /** A stay that ended, registered on time and deregistered late: it counts in both BRP indicators. */
    public static BrpStay brpStay() {
        return BrpStay.newBuilder()
                .setStay(new StayFacts(Sector.HORTICULTURE, FIRST_ARRIVAL, FIRST_DEPARTURE))
                .setEffectiveDates(Map.of(
                        RegistrationKind.BRP_REGISTRATION.name(), FIRST_ARRIVAL.plusDays(4),
                        RegistrationKind.BRP_DEREGISTRATION.name(), FIRST_DEPARTURE.plusDays(9)))
                .build();
    }
}
