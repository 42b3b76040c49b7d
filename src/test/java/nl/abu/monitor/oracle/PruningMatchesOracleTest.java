package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.abu.monitor.contract.EntityKeys;
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
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import nl.abu.monitor.state.HeldVersion;
import nl.abu.monitor.tools.jsonl.JsonLinesFolderWriter;
import nl.abu.monitor.tools.replay.IndicatorReport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning changes no output (issue 11): three years of history go through the pipeline while the open years move
 * on, so that versions whose facts end before the open years are pruned; then delayed older versions of pruned
 * keys arrive (which must not bring them back), tombstones of pruned keys, newer corrections that bring pruned stays
 * back into the open years (whose registrations were kept), and the whole history once more. At each as-of date the
 * pipeline's indicators equal the contract oracle's over every record sent, cell for cell.
 */
class PruningMatchesOracleTest {
    private static final LocalDate END_OF_HISTORY = LocalDate.of(2024, 12, 31);
    private static final LocalDate SPRING_2025 = LocalDate.of(2025, 3, 15);
    private static final LocalDate WINTER_2026 = LocalDate.of(2026, 2, 1);
    private static final List<String> MEMBERS = List.of("M0001", "M0002", "M0003", "M0004");
    private static final Sector[] SECTORS = Sector.values();

    private final Random random = new Random(20251231L);
    private final PipelineTestDriver pipeline = new PipelineTestDriver(END_OF_HISTORY);
    @TempDir
    Path folder;
    private JsonLinesFolderWriter log;
    private final List<Sent> history = new ArrayList<>();

    /** A record as sent: topic, key, value (null for a tombstone) and its version instant. */
    private record Sent(String topic, String key, SpecificRecord value, Instant recordedAt) {
    }

    @AfterEach
    void close() throws IOException {
        pipeline.close();
        if (log != null) {
            log.close();
        }
    }

    @Test
    void givenHistory_whenTheYearsMoveOnAndPrunedKeysGetLateVersions_thenEveryCellEqualsTheOracle() throws Exception {
        // given three years of stays, enrolments, registrations, placements and ratings, as of the end of 2024
        log = JsonLinesFolderWriter.create(folder);
        List<WorkerStay> stays = history();
        assertMatchesOracle(END_OF_HISTORY);

        // when 2025 begins, 2023 leaves the open years: what ends in 2023 is pruned
        pipeline.moveTo(LocalDate.of(2025, 1, 1));
        pipeline.moveTo(SPRING_2025);
        List<WorkerStay> pruned = stays.stream().filter(s -> s.getDepartureDate() != null
                && s.getDepartureDate().isBefore(LocalDate.of(2024, 1, 1))).toList();
        assertThat(pruned).hasSizeGreaterThan(40);
        assertThat(prunedVersions("worker-stays-versions")).isEqualTo(pruned.size());
        double staleBefore = pipeline.counter("abu_records_stale", "topic", Topics.WORKER_STAYS);

        // and late, old and corrected versions of pruned keys arrive
        int delayed = lateArrivals(pruned);

        // then nothing old came back: the delayed versions are stale, and the cells agree
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.WORKER_STAYS) - staleBefore)
                .isEqualTo(delayed);
        assertMatchesOracle(SPRING_2025);

        // and the whole history sent again changes nothing
        resend(history);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.WORKER_STAYS) - staleBefore)
                .isGreaterThanOrEqualTo(delayed + stays.size());
        assertMatchesOracle(SPRING_2025);

        // and when 2026 begins, 2024 closes as well
        pipeline.moveTo(LocalDate.of(2026, 1, 1));
        pipeline.moveTo(WINTER_2026);
        assertMatchesOracle(WINTER_2026);
        assertThat(prunedVersions("worker-stays-versions")).isGreaterThan(pruned.size());
    }

    /** Members, and 240 workers with stays from 2022 to 2024, their enrolments and registrations; placements, ratings. */
    private List<WorkerStay> history() throws IOException {
        for (String member : MEMBERS) {
            send(Topics.MEMBERS, Member.newBuilder().setMemberId(member).setName("Uitzendbureau " + member)
                    .setFairEmploymentCode(!member.equals("M0004")).setProvince(null)
                    .setRecordedAt(at(LocalDate.of(2022, 1, 1))).build());
        }
        List<WorkerStay> stays = new ArrayList<>();
        for (int w = 0; w < 240; w++) {
            String member = MEMBERS.get(w % MEMBERS.size());
            String worker = String.format("w_%016d", w);
            LocalDate arrival = day(LocalDate.of(2022, 1, 1), 1000);
            LocalDate departure = random.nextInt(10) < 3 ? null : arrival.plusDays(10 + random.nextInt(500));
            if (departure != null && departure.isAfter(END_OF_HISTORY)) {
                departure = null;
            }
            WorkerStay stay = WorkerStay.newBuilder().setMemberId(member).setStayId("S-" + w).setWorkerRef(worker)
                    .setNationality("PL").setSector(SECTORS[random.nextInt(SECTORS.length)])
                    .setMunicipality("GM0363").setArrivalDate(arrival).setDepartureDate(departure)
                    .setRecordedAt(at(arrival.plusDays(random.nextInt(4)))).build();
            send(Topics.WORKER_STAYS, stay);
            stays.add(stay);
            if (random.nextInt(10) < 4) {
                EnrolmentStatus status = EnrolmentStatus.values()[random.nextInt(EnrolmentStatus.values().length)];
                LocalDate started = random.nextInt(5) == 0 ? null : arrival.plusDays(random.nextInt(200));
                send(Topics.LANGUAGE_ENROLMENTS, LanguageEnrolment.newBuilder().setMemberId(member)
                        .setEnrolmentId("E-" + w).setWorkerRef(worker).setStatus(status).setStartedOn(started)
                        .setDuringWorkingHours(true).setDoorzaamSubsidy(false)
                        .setRecordedAt(at(arrival.plusDays(5 + random.nextInt(30)))).build());
            }
            if (random.nextInt(10) < 8) {
                RegistrationKind kind = random.nextBoolean() ? RegistrationKind.BRP_REGISTRATION
                        : RegistrationKind.RNI_REGISTRATION;
                LocalDate effective = arrival.plusDays(random.nextInt(11));
                send(Topics.BRP_REGISTRATIONS, registration(member, "S-" + w, worker, kind, effective));
                if (departure != null && kind == RegistrationKind.BRP_REGISTRATION && random.nextInt(10) < 7) {
                    send(Topics.BRP_REGISTRATIONS, registration(member, "S-" + w, worker,
                            RegistrationKind.BRP_DEREGISTRATION, departure.plusDays(random.nextInt(11))));
                }
            }
        }
        for (int p = 0; p < 120; p++) {
            LocalDate placedOn = day(LocalDate.of(2022, 1, 1), 1090);
            send(Topics.EURES_PLACEMENTS, placement(MEMBERS.get(p % MEMBERS.size()), "P-" + p, placedOn,
                    random.nextInt(10) == 0 ? PlacementStatus.CANCELLED : PlacementStatus.PLACED, at(placedOn)));
        }
        for (int u = 0; u < 60; u++) {
            for (int r = random.nextInt(4); r >= 0; r--) {
                LocalDate ratedOn = day(LocalDate.of(2022, 1, 1), 1090);
                send(Topics.PKS_HOUSING_RATINGS, PksHousingRating.newBuilder().setMemberId(MEMBERS.get(u % 4))
                        .setHousingUnitRef("H-" + u).setMunicipality("GM0599").setRatedOn(ratedOn)
                        .setCertification(HousingCertification.values()[random.nextInt(3)])
                        .setPksPoints(100 + random.nextInt(80)).setOccupants(1 + random.nextInt(6))
                        .setWeeklyRentCents(9000 + random.nextInt(4000)).setMaxWeeklyRentCents(12000)
                        .setRecordedAt(at(ratedOn)).build());
            }
        }
        return stays;
    }

    /**
     * Versions of pruned keys, recorded in spring 2025 unless they are delayed: for a third of the pruned stays an
     * older version (still here: it would count in every open period) arrives late; for a third a tombstone comes and
     * then such a delayed version; the last third is corrected to have left in June 2024, which brings the stay back
     * with its registrations. Pruned placements get a delayed PLACED version in 2024 and newer corrections; dropped
     * enrolments a delayed ACTIVE version. Returns how many delayed stay versions were sent.
     */
    private int lateArrivals(List<WorkerStay> pruned) throws IOException {
        Instant spring = at(LocalDate.of(2025, 3, 1));
        int delayed = 0;
        for (int i = 0; i < pruned.size(); i++) {
            WorkerStay stay = pruned.get(i);
            Instant older = stay.getRecordedAt().minusSeconds(3600);
            WorkerStay stillHere = WorkerStay.newBuilder(stay).setDepartureDate(null).setRecordedAt(older).build();
            switch (i % 3) {
                case 0 -> {
                    send(Topics.WORKER_STAYS, stillHere);
                    delayed++;
                }
                case 1 -> {
                    sendTombstone(Topics.WORKER_STAYS, EntityKeys.of(stay), spring);
                    send(Topics.WORKER_STAYS, stillHere);
                    delayed++;
                }
                default -> send(Topics.WORKER_STAYS, WorkerStay.newBuilder(stay)
                        .setDepartureDate(LocalDate.of(2024, 6, 15)).setRecordedAt(spring).build());
            }
        }
        for (Sent sent : List.copyOf(history)) {
            if (sent.value() instanceof EuresPlacement p && p.getPlacedOn().isBefore(LocalDate.of(2024, 1, 1))) {
                send(Topics.EURES_PLACEMENTS, placement(p.getMemberId(), p.getPlacementId(), LocalDate.of(2024, 5, 1),
                        PlacementStatus.PLACED, p.getRecordedAt().minusSeconds(60)));
                if (p.getPlacementId().hashCode() % 2 == 0) {
                    send(Topics.EURES_PLACEMENTS, placement(p.getMemberId(), p.getPlacementId(),
                            LocalDate.of(2024, 7, 1), PlacementStatus.PLACED, spring));
                }
            }
            if (sent.value() instanceof LanguageEnrolment e && e.getStatus() == EnrolmentStatus.DROPPED) {
                send(Topics.LANGUAGE_ENROLMENTS, LanguageEnrolment.newBuilder(e).setStatus(EnrolmentStatus.ACTIVE)
                        .setStartedOn(LocalDate.of(2022, 6, 1)).setRecordedAt(e.getRecordedAt().minusSeconds(60))
                        .build());
            }
        }
        return delayed;
    }

    private void resend(List<Sent> records) {
        for (Sent sent : List.copyOf(records)) {
            pipeline.send(sent.topic(), sent.key(), sent.value(), sent.recordedAt());
        }
    }

    private void assertMatchesOracle(LocalDate asOf) throws IOException {
        pipeline.tick();
        log.flush();
        ReportingCalendar calendar = new ReportingCalendar(asOf);
        List<String> differences = OracleComparison.differences(folder, asOf, IndicatorReport.complete(
                pipeline.publishedValues(), calendar,
                new IndicatorValues(Targets.contractDefaults(), IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE)));
        assertThat(differences).as("differences from the oracle as of " + asOf).isEmpty();
        assertThat(OracleComparison.cellsWithData(folder, asOf)).isGreaterThan(100);
    }

    /** Versions held without a value that are not retractions sent: pruned ones. */
    private long prunedVersions(String store) {
        long pruned = 0;
        try (KeyValueIterator<String, HeldVersion> all = pipeline.<HeldVersion>store(store).all()) {
            while (all.hasNext()) {
                KeyValue<String, HeldVersion> kv = all.next();
                boolean retracted = history.stream().anyMatch(s -> s.key().equals(kv.key) && s.value() == null);
                if (kv.value.getValue() == null && !kv.key.startsWith("\u0000") && !retracted) {
                    pruned++;
                }
            }
        }
        return pruned;
    }

    private void send(String topic, SpecificRecord value) throws IOException {
        Instant recordedAt = (Instant) value.get(value.getSchema().getField("recordedAt").pos());
        String key = EntityKeys.of(value);
        log.write(topic, key, value, recordedAt);
        pipeline.send(topic, key, value, recordedAt);
        history.add(new Sent(topic, key, value, recordedAt));
    }

    private void sendTombstone(String topic, String key, Instant at) throws IOException {
        log.write(topic, key, null, at);
        pipeline.retract(topic, key, at);
        history.add(new Sent(topic, key, null, at));
    }

    private static BrpRegistration registration(String member, String stayId, String worker, RegistrationKind kind,
            LocalDate effective) {
        return BrpRegistration.newBuilder().setMemberId(member).setStayId(stayId).setWorkerRef(worker).setKind(kind)
                .setMunicipality("GM0363").setEffectiveDate(effective).setRecordedAt(at(effective.plusDays(1)))
                .build();
    }

    private static EuresPlacement placement(String member, String id, LocalDate placedOn, PlacementStatus status,
            Instant recordedAt) {
        return EuresPlacement.newBuilder().setMemberId(member).setPlacementId(id).setWorkerRef(null)
                .setOriginCountry("RO").setSector(Sector.FOOD_PRODUCTION).setPlacedOn(placedOn).setStatus(status)
                .setRecordedAt(recordedAt).build();
    }

    private LocalDate day(LocalDate from, int spread) {
        return from.plusDays(random.nextInt(spread));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }
}
