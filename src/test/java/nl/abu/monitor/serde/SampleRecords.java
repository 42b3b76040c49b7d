package nl.abu.monitor.serde;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.apache.avro.specific.SpecificRecord;

/** One made-up record of every input type, with every optional field filled. */
final class SampleRecords {

    static final Instant RECORDED_AT = Instant.parse("2026-03-02T09:15:30.123Z");

    record Sample(String topic, SpecificRecord record) {
        @Override
        public String toString() {
            return record.getSchema().getName();
        }
    }

    private SampleRecords() {
    }

    static WorkerStay workerStay() {
        return WorkerStay.newBuilder()
                .setMemberId("M-1001").setStayId("S-42").setWorkerRef("wr_0123456789abcdef")
                .setNationality("PL").setSector(Sector.LOGISTICS).setMunicipality("GM0363")
                .setArrivalDate(LocalDate.of(2026, 1, 5)).setDepartureDate(LocalDate.of(2026, 6, 30))
                .setRecordedAt(RECORDED_AT).build();
    }

    static Member member() {
        return Member.newBuilder().setMemberId("M-1001").setName("Flex Uitzend BV").setFairEmploymentCode(true)
                .setProvince("PV27").setRecordedAt(RECORDED_AT).build();
    }

    static List<Sample> everyInputType() {
        return List.of(
                new Sample(Topics.MEMBERS, member()),
                new Sample(Topics.WORKER_STAYS, workerStay()),
                new Sample(Topics.LANGUAGE_ENROLMENTS, LanguageEnrolment.newBuilder()
                        .setMemberId("M-1001").setEnrolmentId("E-7").setWorkerRef("wr_0123456789abcdef")
                        .setStatus(EnrolmentStatus.ACTIVE).setStartedOn(LocalDate.of(2026, 2, 1))
                        .setDuringWorkingHours(true).setDoorzaamSubsidy(false).setRecordedAt(RECORDED_AT).build()),
                new Sample(Topics.EURES_PLACEMENTS, EuresPlacement.newBuilder()
                        .setMemberId("M-1001").setPlacementId("P-3").setWorkerRef("wr_0123456789abcdef")
                        .setOriginCountry("RO").setSector(Sector.HORTICULTURE).setPlacedOn(LocalDate.of(2026, 1, 20))
                        .setStatus(PlacementStatus.PLACED).setRecordedAt(RECORDED_AT).build()),
                new Sample(Topics.BRP_REGISTRATIONS, BrpRegistration.newBuilder()
                        .setMemberId("M-1001").setStayId("S-42").setWorkerRef("wr_0123456789abcdef")
                        .setKind(RegistrationKind.RNI_REGISTRATION).setMunicipality("GM0363")
                        .setEffectiveDate(LocalDate.of(2026, 1, 6)).setRecordedAt(RECORDED_AT).build()),
                new Sample(Topics.PKS_HOUSING_RATINGS, PksHousingRating.newBuilder()
                        .setMemberId("M-1001").setHousingUnitRef("H-9").setMunicipality("GM0363")
                        .setRatedOn(LocalDate.of(2026, 1, 10)).setCertification(HousingCertification.SNF)
                        .setPksPoints(212).setOccupants(4).setWeeklyRentCents(11_500).setMaxWeeklyRentCents(12_000)
                        .setRecordedAt(RECORDED_AT).build()));
    }
}
