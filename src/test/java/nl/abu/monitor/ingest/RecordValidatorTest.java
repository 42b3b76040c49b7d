package nl.abu.monitor.ingest;

import static nl.abu.monitor.TestRecords.enrolment;
import static nl.abu.monitor.TestRecords.housing;
import static nl.abu.monitor.TestRecords.member;
import static nl.abu.monitor.TestRecords.placement;
import static nl.abu.monitor.TestRecords.registration;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.period.AsOfDate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private final RecordValidator validator = new RecordValidator(AsOfDate.fixed(AS_OF));

    private Optional<RejectionReason> reasonFor(String topic, String key, SpecificRecord value) {
        return validator.validate(topic, key, value).map(Rejection::reason);
    }

    private Optional<RejectionReason> reasonFor(String topic, SpecificRecord value) {
        return reasonFor(topic, EntityKeys.of(value), value);
    }

    @Test
    void acceptsAValidRecordOfEveryTopic() {
        assertThat(reasonFor(Topics.MEMBERS, member().build())).isEmpty();
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().build())).isEmpty();
        assertThat(reasonFor(Topics.LANGUAGE_ENROLMENTS, enrolment().build())).isEmpty();
        assertThat(reasonFor(Topics.EURES_PLACEMENTS, placement().setWorkerRef(null).build())).isEmpty();
        assertThat(reasonFor(Topics.BRP_REGISTRATIONS, registration().build())).isEmpty();
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, housing().build())).isEmpty();
    }

    @Test
    void onAMembersOwnTopicOnlyThatMembersRecordsAndTombstonesAreValid() {
        String own = InputTopic.WORKER_STAYS.memberTopic("M0001");
        String others = InputTopic.WORKER_STAYS.memberTopic("M0002");

        assertThat(reasonFor(own, stay().build())).isEmpty();
        assertThat(reasonFor(own, "M0001/S-88213", null)).isEmpty();
        assertThat(reasonFor(others, stay().build())).contains(RejectionReason.MEMBER_MISMATCH);
        assertThat(reasonFor(others, "M0001/S-88213", null)).contains(RejectionReason.MEMBER_MISMATCH);
        // the contract's own rules come first
        assertThat(reasonFor(others, stay().setWorkerRef("111222333").build()))
                .contains(RejectionReason.LOOKS_LIKE_BSN);
        assertThatThrownBy(() -> validator.validate("abu.member.M0001.members.v1", "M0001", member().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an input topic");
    }

    @Test
    void keysAreBuiltAsTheContractGivesThem() {
        assertThat(EntityKeys.of(stay().build())).isEqualTo("M0001/S-88213");
        assertThat(EntityKeys.of(registration().build())).isEqualTo("M0001/S-88213/BRP_REGISTRATION");
        assertThat(EntityKeys.of(housing().build())).isEqualTo("M0001/H-12/2025-05-01");
        assertThat(EntityKeys.of(member().build())).isEqualTo("M0001");
    }

    @Test
    void aKeyThatDoesNotMatchTheValueIsKeyMismatch() {
        assertThat(reasonFor(Topics.WORKER_STAYS, "M0002/S-88213", stay().build()))
                .contains(RejectionReason.KEY_MISMATCH);
        assertThat(reasonFor(Topics.WORKER_STAYS, "S-88213", stay().build()))
                .contains(RejectionReason.KEY_MISMATCH);
    }

    @Test
    void aNullKeyIsMissingKey() {
        assertThat(reasonFor(Topics.WORKER_STAYS, null, stay().build())).contains(RejectionReason.MISSING_KEY);
        assertThat(reasonFor(Topics.WORKER_STAYS, null, null)).contains(RejectionReason.MISSING_KEY);
    }

    @Test
    void aTombstoneNeedsAKeyOfTheTopicsShape() {
        assertThat(reasonFor(Topics.WORKER_STAYS, "M0001/S-1", null)).isEmpty();
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, "M0001/H-1/2025-05-01", null)).isEmpty();
        assertThat(reasonFor(Topics.WORKER_STAYS, "S-1", null)).contains(RejectionReason.KEY_MISMATCH);
        assertThat(reasonFor(Topics.WORKER_STAYS, "M 1/S-1", null)).contains(RejectionReason.KEY_MISMATCH);
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, "M0001/H-1/yesterday", null))
                .contains(RejectionReason.KEY_MISMATCH);
    }

    @Test
    void aWorkerRefPassingTheElevenTestIsRejectedAsBsnBeforeAnythingElse() {
        // 111222333: 9+8+7+12+10+8+9+6-3 = 66, divisible by 11.
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setWorkerRef("111222333").setMunicipality("XX").build()))
                .contains(RejectionReason.LOOKS_LIKE_BSN);
        assertThat(reasonFor(Topics.BRP_REGISTRATIONS, registration().setWorkerRef("111222333").build()))
                .contains(RejectionReason.LOOKS_LIKE_BSN);
        assertThat(reasonFor(Topics.EURES_PLACEMENTS, placement().setWorkerRef("111222333").build()))
                .contains(RejectionReason.LOOKS_LIKE_BSN);
    }

    @Test
    void nineDigitsFailingTheElevenTestAreMerelyBadFormat() {
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setWorkerRef("111222334").build()))
                .contains(RejectionReason.INVALID_FORMAT);
    }

    @Test
    void formatsOfTheContractAreEnforced() {
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setMunicipality("XX12").build()))
                .contains(RejectionReason.INVALID_FORMAT);
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setNationality("pl").build()))
                .contains(RejectionReason.INVALID_FORMAT);
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setWorkerRef("short").build()))
                .contains(RejectionReason.INVALID_FORMAT);
        assertThat(reasonFor(Topics.MEMBERS, member().setProvince("P27").build()))
                .contains(RejectionReason.INVALID_FORMAT);
        assertThat(reasonFor(Topics.MEMBERS, member().setMemberId("M_0001").build()))
                .contains(RejectionReason.INVALID_FORMAT);
        assertThat(reasonFor(Topics.EURES_PLACEMENTS, placement().setOriginCountry("ROU").build()))
                .contains(RejectionReason.INVALID_FORMAT);
    }

    @Test
    void departureBeforeArrivalIsRejected() {
        assertThat(reasonFor(Topics.WORKER_STAYS,
                stay().setArrivalDate(LocalDate.of(2025, 3, 1)).setDepartureDate(LocalDate.of(2025, 2, 28)).build()))
                .contains(RejectionReason.DEPARTURE_BEFORE_ARRIVAL);
        assertThat(reasonFor(Topics.WORKER_STAYS,
                stay().setArrivalDate(LocalDate.of(2025, 3, 1)).setDepartureDate(LocalDate.of(2025, 3, 1)).build()))
                .isEmpty();
    }

    @Test
    void datesMustLieBetween2000AndTheAsOfDatePlus366Days() {
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setArrivalDate(LocalDate.of(1999, 12, 31)).build()))
                .contains(RejectionReason.DATE_OUT_OF_RANGE);
        assertThat(reasonFor(Topics.WORKER_STAYS, stay().setArrivalDate(LocalDate.of(2000, 1, 1)).build()))
                .isEmpty();
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, housing().setRatedOn(AS_OF.plusDays(366)).build()))
                .isEmpty();
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, housing().setRatedOn(AS_OF.plusDays(367)).build()))
                .contains(RejectionReason.DATE_OUT_OF_RANGE);
        assertThat(reasonFor(Topics.LANGUAGE_ENROLMENTS, enrolment().setStartedOn(LocalDate.of(1990, 1, 1)).build()))
                .contains(RejectionReason.DATE_OUT_OF_RANGE);
    }

    @Test
    void numbersOutOfRangeAreInvalidValues() {
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, housing().setOccupants(0).build()))
                .contains(RejectionReason.INVALID_VALUE);
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, housing().setPksPoints(-1).build()))
                .contains(RejectionReason.INVALID_VALUE);
        assertThat(reasonFor(Topics.PKS_HOUSING_RATINGS, housing().setWeeklyRentCents(-5).build()))
                .contains(RejectionReason.INVALID_VALUE);
    }

    @Test
    void anotherTopicsRecordIsWrongSchema() {
        assertThat(reasonFor(Topics.WORKER_STAYS, "M0001/E-1", enrolment().build()))
                .contains(RejectionReason.WRONG_SCHEMA);
    }

    @Test
    void theDetailNeverRepeatsTheOffendingValue() {
        Rejection rejection = validator.validate(Topics.WORKER_STAYS, "M0001/S-88213",
                stay().setWorkerRef("111222333").build()).orElseThrow();
        assertThat(rejection.detail()).doesNotContain("111222333");
    }
}
