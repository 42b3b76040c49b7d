package nl.abu.monitor.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.RegistrationKind;
import nl.abu.monitor.events.WorkerStay;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemberEventSimulatorTest {

    private static final Pattern WORKER_REF = Pattern.compile("w_[0-9a-f]{16}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");
    private static final Pattern PROVINCE = Pattern.compile("PV(2\\d|3[01])");

    /** About 9,000 migrants: big enough for rates to show, small enough for a quick test. */
    private static final SimulationConfig SMALL_YEAR = SimulationConfig.year(42, 0.02, 2025);
    private static List<SimulatedRecord> records;

    @BeforeAll
    static void simulateOnce() {
        records = new MemberEventSimulator(SMALL_YEAR).stream().toList();
    }

    @Test
    void givenTheSameSeed_whenSimulatedTwice_thenTheRecordsAreEqual() {
        SimulationConfig tiny = SimulationConfig.year(7, 0.001, 2025);

        List<SimulatedRecord> first = new MemberEventSimulator(tiny).stream().toList();
        List<SimulatedRecord> second = new MemberEventSimulator(tiny).stream().toList();
        List<SimulatedRecord> otherSeed = new MemberEventSimulator(
                new SimulationConfig(8, 0.001, tiny.from(), tiny.until(), tiny.rates())).stream().toList();

        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void givenAYearAtScaleTwoPercent_whenSimulated_thenTheVolumeIsTwoPercentOfANationalYear() {
        long originals = records.stream().filter(r -> r.kind() == RecordKind.ORIGINAL).count();
        Set<String> workers = new HashSet<>();
        records.stream().filter(r -> r.value() instanceof WorkerStay && r.kind() == RecordKind.ORIGINAL)
                .forEach(r -> workers.add(((WorkerStay) r.value()).getWorkerRef()));

        assertThat(workers.size()).isBetween(8_000, 10_500);          // ~460,000 * 0.02
        assertThat(records.size()).isBetween(24_000, 36_000);         // ~1.5 million * 0.02
        assertThat(originals).isGreaterThan(records.size() * 8L / 10);
    }

    @Test
    void givenValidRecords_whenKeysAreBuiltFromTheirValues_thenTheyMatch() {
        assertThat(records).filteredOn(r -> r.kind().isValid() && !r.isTombstone())
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(EntityKeys.of(r.value())));
        assertThat(records).filteredOn(r -> r.kind().isValid())
                .allSatisfy(r -> assertThat(r.topic()).isEqualTo(topicOf(r)));
    }

    @Test
    void givenValidRecords_whenCheckedAgainstTheContractFormats_thenTheyPass() {
        assertThat(records).filteredOn(r -> r.kind().isValid() && !r.isTombstone()).allSatisfy(r -> {
            SpecificRecord value = r.value();
            assertThat(r.timestampMillis()).isEqualTo(RecordCopies.recordedAt(value).toEpochMilli());
            if (RecordCopies.has(value, "workerRef") && RecordCopies.get(value, "workerRef") != null) {
                assertThat((String) RecordCopies.get(value, "workerRef")).matches(WORKER_REF);
            }
            if (RecordCopies.has(value, "municipality")) {
                assertThat((String) RecordCopies.get(value, "municipality")).matches(MUNICIPALITY);
            }
            if (value instanceof Member member && member.getProvince() != null) {
                assertThat(member.getProvince()).matches(PROVINCE);
            }
            if (value instanceof WorkerStay stay && stay.getDepartureDate() != null) {
                assertThat(stay.getDepartureDate()).isAfterOrEqualTo(stay.getArrivalDate());
            }
            if (value instanceof PksHousingRating rating) {
                assertThat(rating.getOccupants()).isPositive();
                assertThat(rating.getPksPoints()).isNotNegative();
            }
        });
    }

    @Test
    void givenDefaultRates_whenSimulated_thenEachDisturbanceIsAboutTwoPercentOfTheRegularVersions() {
        Map<RecordKind, Long> byKind = new HashMap<>();
        records.forEach(r -> byKind.merge(r.kind(), 1L, Long::sum));
        double originals = byKind.get(RecordKind.ORIGINAL);

        for (RecordKind kind : List.of(RecordKind.CORRECTION, RecordKind.DUPLICATE, RecordKind.STALE,
                RecordKind.TOMBSTONE, RecordKind.INVALID)) {
            assertThat(byKind.getOrDefault(kind, 0L) / originals).as(kind.name()).isCloseTo(0.02, within(0.006));
        }
    }

    @Test
    void givenNoDisturbances_whenSimulated_thenOnlyRegularVersionsAreSent() {
        SimulationConfig clean = SimulationConfig.year(1, 0.001, 2025).withRates(DisturbanceRates.none());

        assertThat(new MemberEventSimulator(clean).stream()).isNotEmpty()
                .allMatch(r -> r.kind() == RecordKind.ORIGINAL && !r.isTombstone());
    }

    @Test
    void givenInvalidRecords_whenInspected_thenEachBreaksAContractRule() {
        assertThat(records).filteredOn(r -> r.kind() == RecordKind.INVALID).isNotEmpty().allSatisfy(r -> {
            SpecificRecord value = r.value();
            boolean keyMismatch = !r.key().equals(EntityKeys.of(value));
            boolean bsn = RecordCopies.has(value, "workerRef") && RecordCopies.get(value, "workerRef") != null
                    && InvalidRecords.passesElfproef((String) RecordCopies.get(value, "workerRef"));
            boolean badMunicipality = RecordCopies.has(value, "municipality")
                    && !((String) RecordCopies.get(value, "municipality")).matches(MUNICIPALITY.pattern());
            boolean departureFirst = value instanceof WorkerStay stay && stay.getDepartureDate() != null
                    && stay.getDepartureDate().isBefore(stay.getArrivalDate());
            boolean badProvince = value instanceof Member member && member.getProvince() != null
                    && !member.getProvince().matches(PROVINCE.pattern());
            boolean noOccupants = value instanceof PksHousingRating rating && rating.getOccupants() < 1;
            assertThat(keyMismatch || bsn || badMunicipality || departureFirst || badProvince || noOccupants).isTrue();
        });
    }

    @Test
    void givenTheOutput_whenOrdered_thenMembersMostlyComeBeforeTheirDataButSomeArriveLate() {
        Set<String> membersSeen = new HashSet<>();
        Set<String> lateMembers = new HashSet<>();
        for (SimulatedRecord r : records) {
            String memberId = r.key().split("/")[0];
            if (r.topic().equals(Topics.MEMBERS)) {
                membersSeen.add(memberId);
            } else if (r.kind().isValid() && !membersSeen.contains(memberId)) {
                lateMembers.add(memberId);
            }
        }
        long memberCount = records.stream().filter(r -> r.topic().equals(Topics.MEMBERS)).map(SimulatedRecord::key).distinct().count();

        assertThat(lateMembers.size()).isLessThan((int) memberCount / 5);
    }

    @Test
    void givenStaysAndRegistrations_whenSimulated_thenTheMixIsRealistic() {
        List<WorkerStay> stays = latestValid(WorkerStay.class);
        long open = stays.stream().filter(s -> s.getDepartureDate() == null).count();
        long longStays = stays.stream().filter(s -> s.getDepartureDate() != null
                && ChronoUnit.DAYS.between(s.getArrivalDate(), s.getDepartureDate()) > 60).count();
        Map<String, Long> staysPerWorker = new HashMap<>();
        stays.forEach(s -> staysPerWorker.merge(s.getWorkerRef(), 1L, Long::sum));
        List<BrpRegistration> registrations = latestValid(BrpRegistration.class);
        List<LanguageEnrolment> enrolments = latestValid(LanguageEnrolment.class);

        assertThat(open).isGreaterThan(stays.size() / 10);
        assertThat(longStays).isGreaterThan(stays.size() / 4);
        assertThat(staysPerWorker.values()).anyMatch(n -> n >= 2);
        assertThat(registrations).anyMatch(r -> r.getKind() == RegistrationKind.BRP_DEREGISTRATION)
                .anyMatch(r -> r.getKind() == RegistrationKind.RNI_REGISTRATION);
        assertThat(enrolments).filteredOn(e -> e.getStatus() == EnrolmentStatus.ACTIVE
                        || e.getStatus() == EnrolmentStatus.COMPLETED)
                .isNotEmpty().allMatch(e -> e.getStartedOn() != null);
    }

    @Test
    void givenRecords_whenStamped_thenTheyAreRecordedShortlyAfterTheEventAndWithinTheYear() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Instant endOfYear = LocalDate.of(2026, 1, 1).atStartOfDay(amsterdam).toInstant();

        assertThat(records).allMatch(r -> r.timestampMillis() < endOfYear.toEpochMilli());
        assertThat(records).filteredOn(r -> r.kind() == RecordKind.ORIGINAL && r.value() instanceof BrpRegistration)
                .allSatisfy(r -> {
                    BrpRegistration registration = (BrpRegistration) r.value();
                    LocalDate recordedOn = registration.getRecordedAt().atZone(amsterdam).toLocalDate();
                    assertThat(ChronoUnit.DAYS.between(registration.getEffectiveDate(), recordedOn)).isBetween(0L, 2L);
                });
    }

    private static <T extends SpecificRecord> List<T> latestValid(Class<T> type) {
        Map<String, T> latest = new HashMap<>();
        for (SimulatedRecord r : records) {
            if (r.kind() == RecordKind.ORIGINAL && type.isInstance(r.value())) {
                latest.put(r.key(), type.cast(r.value()));
            }
        }
        return List.copyOf(latest.values());
    }

    private static String topicOf(SimulatedRecord record) {
        return record.isTombstone() ? record.topic() : switch (record.value().getSchema().getName()) {
            case "Member" -> Topics.MEMBERS;
            case "WorkerStay" -> Topics.WORKER_STAYS;
            case "LanguageEnrolment" -> Topics.LANGUAGE_ENROLMENTS;
            case "EuresPlacement" -> Topics.EURES_PLACEMENTS;
            case "BrpRegistration" -> Topics.BRP_REGISTRATIONS;
            case "PksHousingRating" -> Topics.PKS_HOUSING_RATINGS;
            default -> throw new IllegalStateException();
        };
    }
}
