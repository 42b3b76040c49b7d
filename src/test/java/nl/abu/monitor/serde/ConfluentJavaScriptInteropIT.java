package nl.abu.monitor.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.serde.evolution.WorkerStayWithHousing;
import nl.abu.monitor.tools.embedded.EmbeddedRegistry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our wire format against Confluent's own JavaScript client ({@code @confluentinc/schemaregistry}),
 * both ways, through a real registry speaking the Confluent API.
 */
class ConfluentJavaScriptInteropIT {

    private static final Path INTEROP_DIR = Path.of("src/test/js/interop");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedRegistry registry;
    private static Map<String, Object> config;

    @TempDir
    static Path work;

    @BeforeAll
    static void startRegistryAndInstallClient() throws Exception {
        if (!Files.isDirectory(INTEROP_DIR.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        registry = EmbeddedRegistry.start(0);
        config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void readsWhatConfluentsJavaScriptSerializerWrote() throws Exception {
        // given
        WorkerStay expected = workerStay(LocalDate.of(2026, 6, 30));

        // when
        byte[] bytes = serializedByJavaScript(Topics.WORKER_STAYS, expected);
        SpecificAvroSerde<WorkerStay> serde = new SpecificAvroSerde<>(WorkerStay.class);
        serde.configure(config, false);
        WorkerStay read = serde.deserializer().deserialize(Topics.WORKER_STAYS, bytes);

        // then
        assertThat(bytes[0]).isZero();
        assertThat(read.getMemberId()).isEqualTo(expected.getMemberId());
        assertThat(read.getStayId()).isEqualTo(expected.getStayId());
        assertThat(read.getWorkerRef()).isEqualTo(expected.getWorkerRef());
        assertThat(read.getNationality()).isEqualTo(expected.getNationality());
        assertThat(read.getSector()).isEqualTo(expected.getSector());
        assertThat(read.getMunicipality()).isEqualTo(expected.getMunicipality());
        assertThat(read.getArrivalDate()).isEqualTo(expected.getArrivalDate());
        assertThat(read.getDepartureDate()).isEqualTo(expected.getDepartureDate());
        assertThat(read.getRecordedAt()).isEqualTo(expected.getRecordedAt());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void confluentsJavaScriptDeserializerReadsWhatWeWrote() throws Exception {
        // given
        WorkerStay stay = workerStay(null);
        SpecificAvroSerde<WorkerStay> serde = new SpecificAvroSerde<>(WorkerStay.class);
        serde.configure(config, false);
        byte[] bytes = serde.serializer().serialize(Topics.WORKER_STAYS, stay);

        // when
        String json = run(List.of("node", "interop.js", "deserialize", registry.url(), Topics.WORKER_STAYS,
                HexFormat.of().formatHex(bytes)), 60);
        JsonNode read = JSON.readTree(json);

        // then: avsc without logical types gives dates as epoch days and timestamps as epoch millis
        assertThat(read.path("memberId").asText()).isEqualTo(stay.getMemberId());
        assertThat(read.path("stayId").asText()).isEqualTo(stay.getStayId());
        assertThat(read.path("workerRef").asText()).isEqualTo(stay.getWorkerRef());
        assertThat(read.path("nationality").asText()).isEqualTo(stay.getNationality());
        assertThat(read.path("sector").asText()).isEqualTo(stay.getSector().name());
        assertThat(read.path("municipality").asText()).isEqualTo(stay.getMunicipality());
        assertThat(read.path("arrivalDate").asLong()).isEqualTo(stay.getArrivalDate().toEpochDay());
        assertThat(read.path("departureDate").isNull()).isTrue();
        assertThat(read.path("recordedAt").asLong()).isEqualTo(stay.getRecordedAt().toEpochMilli());
    }

    @Test
    void readsWhatConfluentsJavaScriptWroteWithTheReleasedSchemaIntoTheNextVersion() throws Exception {
        // given: written by the JavaScript client with the released WorkerStay schema
        WorkerStay released = workerStay(null);
        byte[] bytes = serializedByJavaScript(Topics.WORKER_STAYS, released);

        // when: read with a reader schema that adds an optional housingUnitRef (default null)
        SpecificAvroSerde<WorkerStayWithHousing> serde = new SpecificAvroSerde<>(WorkerStayWithHousing.class);
        serde.configure(config, false);
        WorkerStayWithHousing read = serde.deserializer().deserialize(Topics.WORKER_STAYS, bytes);

        // then
        assertThat(read.getHousingUnitRef()).isNull();
        assertThat(read.getMemberId()).isEqualTo(released.getMemberId());
        assertThat(read.getStayId()).isEqualTo(released.getStayId());
        assertThat(read.getWorkerRef()).isEqualTo(released.getWorkerRef());
        assertThat(read.getNationality()).isEqualTo(released.getNationality());
        assertThat(read.getSector().name()).isEqualTo(released.getSector().name());
        assertThat(read.getMunicipality()).isEqualTo(released.getMunicipality());
        assertThat(read.getArrivalDate()).isEqualTo(released.getArrivalDate());
        assertThat(read.getDepartureDate()).isNull();
        assertThat(read.getRecordedAt()).isEqualTo(released.getRecordedAt());
    }

    private static WorkerStay workerStay(LocalDate departure) {
        return WorkerStay.newBuilder()
                .setMemberId("M-2002").setStayId("S-77").setWorkerRef("wr_interop_0123456789")
                .setNationality("BG").setSector(Sector.FOOD_PRODUCTION).setMunicipality("GM0599")
                .setArrivalDate(LocalDate.of(2026, 2, 9)).setDepartureDate(departure)
                .setRecordedAt(Instant.parse("2026-02-10T08:00:00.250Z")).build();
    }

    /** The released schema as written in the contract's .avsc files, named types inlined. */
    private static String releasedWorkerStaySchema() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        parser.parse(Path.of("schemas/Sector.avsc").toFile());
        return parser.parse(Path.of("schemas/WorkerStay.avsc").toFile()).toString();
    }

    private static byte[] serializedByJavaScript(String topic, WorkerStay stay) throws Exception {
        Path schemaFile = Files.writeString(work.resolve("WorkerStay.avsc"), releasedWorkerStaySchema());
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("memberId", stay.getMemberId());
        record.put("stayId", stay.getStayId());
        record.put("workerRef", stay.getWorkerRef());
        record.put("nationality", stay.getNationality());
        record.put("sector", stay.getSector().name());
        record.put("municipality", stay.getMunicipality());
        record.put("arrivalDate", stay.getArrivalDate().toEpochDay());
        record.put("departureDate", stay.getDepartureDate() == null ? null : stay.getDepartureDate().toEpochDay());
        record.put("recordedAt", stay.getRecordedAt().toEpochMilli());
        Path recordFile = work.resolve("record-" + System.nanoTime() + ".json");
        JSON.writeValue(recordFile.toFile(), record);
        String hex = run(List.of("node", "interop.js", "serialize", registry.url(), topic,
                schemaFile.toAbsolutePath().toString(), recordFile.toAbsolutePath().toString()), 60);
        return HexFormat.of().parseHex(hex.trim());
    }

    /** Runs a command in the interop folder and returns its stdout; fails with its stderr. */
    private static String run(List<String> command, int timeoutSeconds) throws Exception {
        Path stderr = Files.createTempFile("interop-", ".err");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(INTEROP_DIR.toFile())
                .redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " " + command.get(2 % command.size()) + " timed out");
        }
        String err = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        assertThat(process.exitValue()).as("%s failed:%n%s", String.join(" ", command.subList(0, 3)), err).isZero();
        return out;
    }
}
