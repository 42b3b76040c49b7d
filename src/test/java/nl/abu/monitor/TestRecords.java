package nl.abu.monitor;

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

/** Valid records of every input type, for tests to vary one field at a time. */
public final class TestRecords {
    public static final String MEMBER = "M0001";
    public static final String WORKER = "w_7f3a9c0d2e4b61aa";
    public static final Instant RECORDED = Instant.parse("2025-02-04T08:15:00Z");

    private TestRecords() {
    }

    public static Member.Builder member() {
        return Member.newBuilder().setMemberId(MEMBER).setName("Uitzendbureau Voorbeeld B.V.")
                .setFairEmploymentCode(true).setProvince("PV27").setRecordedAt(RECORDED);
    }

    public static WorkerStay.Builder stay(String stayId, String workerRef, LocalDate arrival, LocalDate departure) {
        return WorkerStay.newBuilder().setMemberId(MEMBER).setStayId(stayId).setWorkerRef(workerRef)
                .setNationality("PL").setSector(Sector.LOGISTICS).setMunicipality("GM0363")
                .setArrivalDate(arrival).setDepartureDate(departure).setRecordedAt(RECORDED);
    }

    public static WorkerStay.Builder stay() {
        return stay("S-88213", WORKER, LocalDate.of(2025, 2, 3), null);
    }

    public static LanguageEnrolment.Builder enrolment(String enrolmentId, String workerRef, EnrolmentStatus status,
            LocalDate startedOn) {
        return LanguageEnrolment.newBuilder().setMemberId(MEMBER).setEnrolmentId(enrolmentId).setWorkerRef(workerRef)
                .setStatus(status).setStartedOn(startedOn).setDuringWorkingHours(true).setDoorzaamSubsidy(false)
                .setRecordedAt(RECORDED);
    }

    public static LanguageEnrolment.Builder enrolment() {
        return enrolment("E-1", WORKER, EnrolmentStatus.ACTIVE, LocalDate.of(2025, 3, 1));
    }

    public static EuresPlacement.Builder placement() {
        return EuresPlacement.newBuilder().setMemberId(MEMBER).setPlacementId("P-1").setWorkerRef(WORKER)
                .setOriginCountry("RO").setSector(Sector.FOOD_PRODUCTION).setPlacedOn(LocalDate.of(2025, 4, 1))
                .setStatus(PlacementStatus.PLACED).setRecordedAt(RECORDED);
    }

    public static BrpRegistration.Builder registration() {
        return BrpRegistration.newBuilder().setMemberId(MEMBER).setStayId("S-88213").setWorkerRef(WORKER)
                .setKind(RegistrationKind.BRP_REGISTRATION).setMunicipality("GM0363")
                .setEffectiveDate(LocalDate.of(2025, 2, 5)).setRecordedAt(RECORDED);
    }

    public static PksHousingRating.Builder housing() {
        return PksHousingRating.newBuilder().setMemberId(MEMBER).setHousingUnitRef("H-12").setMunicipality("GM0599")
                .setRatedOn(LocalDate.of(2025, 5, 1)).setCertification(HousingCertification.SNF).setPksPoints(140)
                .setOccupants(4).setWeeklyRentCents(11000).setMaxWeeklyRentCents(12000).setRecordedAt(RECORDED);
    }
}
