package nl.abu.monitor.cli;

import static nl.abu.monitor.cli.MonitorProcess.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.families.language.LanguageFamily;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application (one application.id, two state dirs, two HTTP ports) on topics of two
 * partitions: each holds part of the indicator table, and either answers the whole of it.
 */
class TwoInstancesApiIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String TOTALS = Family.totalsStoreOf(LanguageFamily.FAMILY);
    private static final List<Sector> SECTORS = List.of(Sector.LOGISTICS, Sector.FOOD_PRODUCTION,
            Sector.HORTICULTURE, Sector.AGRICULTURE);
    private static final int LONG_STAYERS = 24;
    private static final int RECENT_ARRIVALS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eitherInstanceAnswersForBoth(@TempDir Path dir) throws Exception {
        try (EmbeddedPlatform platform = EmbeddedPlatform.start();
                RunningMonitor first = new RunningMonitor(options(platform, dir.resolve("first")));
                RunningMonitor second = new RunningMonitor(options(platform, dir.resolve("second")))) {
            // given both instances running, each with a partition of the totals store
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> first.pipeline().isRunning()
                    && second.pipeline().isRunning()
                    && first.pipeline().streams().streamsMetadataForStore(TOTALS).size() == 2);

            // when stays of 40 workers in 4 sectors are published: 24 arrived 2025-01-06 and are still here (long
            // by 2025-07-08), 16 arrived 2025-10-01 (not long by the as-of date)
            publishStays(platform);

            // then (hand-computed) long_stay_share 2025: all 24/40; each sector 6/10
            String allScope = "/api/indicators?period=2025&indicator=long_stay_share&scope=all";
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(rows(first, allScope))
                    .singleElement().satisfies(row -> assertRow(row, "all", 24, 40)));
            // and both instances hold part of the table, no cell in both
            Set<String> firstCells = localCells(first);
            Set<String> secondCells = localCells(second);
            assertThat(firstCells).isNotEmpty().doesNotContainAnyElementsOf(secondCells);
            assertThat(secondCells).isNotEmpty();
            // and either instance gives the same full answer
            assertThat(body(second, allScope)).isEqualTo(body(first, allScope));
            String byPath = "/api/indicators/long_stay_share/2025";
            for (RunningMonitor instance : List.of(first, second)) {
                List<JsonNode> rows = rows(instance, byPath);
                assertThat(rows).hasSize(1 + SECTORS.size());
                assertRow(rows.get(0), "all", 24, 40);
                SECTORS.forEach(sector -> assertThat(rows).filteredOn(r -> r.get("scope").asText()
                        .equals("sector:" + sector.name())).singleElement()
                        .satisfies(row -> assertRow(row, "sector:" + sector.name(), 6, 10)));
            }
            assertThat(body(second, byPath)).isEqualTo(body(first, byPath));
            // and the whole listing has cells from both instances' stores, each once
            // (processing of other cells may still be going on: wait until both instances agree)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(body(second, "/api/indicators")).isEqualTo(body(first, "/api/indicators")));
            String everything = body(first, "/api/indicators");
            List<String> listed = StreamSupport.stream(JSON.readTree(everything).spliterator(), false)
                    .map(r -> r.get("indicator").asText() + "|" + r.get("period").asText() + "|"
                            + r.get("scope").asText()).toList();
            assertThat(listed).doesNotHaveDuplicates();
            // (read the stores again: cells of other periods may have been added after the year total was complete)
            Set<String> stored = new HashSet<>(localCells(first));
            stored.addAll(localCells(second));
            assertThat(listed).anyMatch(firstCells::contains).anyMatch(secondCells::contains);
            assertThat(stored).containsAll(listed);

            // when the second instance's HTTP server stops answering
            second.http().close();

            // then the first says so instead of giving half an answer
            HttpResponse<String> partial = get(first.http().baseUrl() + allScope);
            assertThat(partial.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(partial.body()).get("error").asText()).contains("did not answer")
                    .contains(Integer.toString(second.http().port()));
        }
    }

    private static MonitorOptions options(EmbeddedPlatform platform, Path stateDir) {
        return new MonitorOptions(platform.bootstrapServers(), Map.of("schema.registry.url", platform.registryUrl()),
                "two-instances-it", stateDir, "127.0.0.1", 0, "127.0.0.1", AsOfDate.fixed(AS_OF),
                ReportingCalendar.DEFAULT_OPEN_YEARS, IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, Optional.of(2),
                Optional.of((short) 1), Map.of());
    }

    private static void publishStays(EmbeddedPlatform platform) {
        Serializer<WorkerStay> values = AvroSerdes.valueSerde(WorkerStay.class,
                Map.of("schema.registry.url", platform.registryUrl())).serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < LONG_STAYERS + RECENT_ARRIVALS; i++) {
                LocalDate arrival = i < LONG_STAYERS ? LocalDate.of(2025, 1, 6) : LocalDate.of(2025, 10, 1);
                WorkerStay stay = TestRecords.stay("S-" + i, String.format("w_%016d", i), arrival, null)
                        .setSector(SECTORS.get(i % SECTORS.size())).build();
                producer.send(new ProducerRecord<>(Topics.WORKER_STAYS, EntityKeys.of(stay),
                        values.serialize(Topics.WORKER_STAYS, stay)));
            }
        }
    }

    /** The cells in this instance's own (active) partitions of the totals store. */
    /** The cells in this instance's indicator tables, of every family. */
    private static Set<String> localCells(RunningMonitor instance) {
        Set<String> cells = new HashSet<>();
        for (String family : Families.names()) {
            ReadOnlyKeyValueStore<String, CellCounts> store = instance.pipeline().streams().store(
                    StoreQueryParameters.fromNameAndType(Family.totalsStoreOf(family),
                            QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, CellCounts> all = store.all()) {
                all.forEachRemaining(kv -> cells.add(kv.key));
            }
        }
        return cells;
    }

    private static void assertRow(JsonNode row, String scope, long numerator, long denominator) {
        assertThat(row.get("indicator").asText()).isEqualTo("long_stay_share");
        assertThat(row.get("period").asText()).isEqualTo("2025");
        assertThat(row.get("scope").asText()).isEqualTo(scope);
        assertThat(row.get("numerator").asLong()).isEqualTo(numerator);
        assertThat(row.get("denominator").asLong()).isEqualTo(denominator);
        assertThat(row.get("value").asDouble()).isEqualTo((double) numerator / denominator);
        assertThat(row.get("target").isNull()).isTrue();
        assertThat(row.get("status").asText()).isEqualTo("NO_TARGET");
    }

    private static List<JsonNode> rows(RunningMonitor instance, String pathAndQuery) throws Exception {
        return StreamSupport.stream(JSON.readTree(body(instance, pathAndQuery)).spliterator(), false).toList();
    }

    private static String body(RunningMonitor instance, String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(instance.http().baseUrl() + pathAndQuery);
        assertThat(response.statusCode()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return response.body();
    }
}
