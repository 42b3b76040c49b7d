package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `publish` against a real broker and registry: good lines go out in the wire format, bad ones are reported. */
class PublishCommandIT {
    private static EmbeddedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            new TopicSetup(Optional.of(1), Optional.of((short) 1)).createMissing(admin);
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void publishesTheGoodLinesAndReportsEachBadOneWithFileLineAndReason(@TempDir Path dir) throws Exception {
        // given a stays file with two good lines, a tombstone, a line that is not a record and a contract violation
        Files.write(dir.resolve(Topics.WORKER_STAYS + ".jsonl"), List.of(
                stay("S-1", "w_aaaaaaaaaaaaaaaa", "GM0363"),
                "{\"key\": \"M0001/S-2\", \"value\": {\"memberId\": \"M0001\"}}",
                stay("S-3", "111222333", "GM0363"),
                stay("S-4", "w_bbbbbbbbbbbbbbbb", "GM0599"),
                "{\"key\": \"M0001/S-1\", \"value\": null, \"recordedAt\": \"2025-03-10T09:00:00Z\"}"));

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(out, err, "publish", "--dir", dir.toString(), "--bootstrap", platform.bootstrapServers(),
                "--registry", platform.registryUrl(), "--as-of", "2025-12-31");

        // then it says which lines were bad and why, and exits with the code of refused lines
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(Main.EXIT_REFUSED_LINES).isEqualTo(3);
        assertThat(report).contains("abu.worker-stays.v1.jsonl:2: ").contains("missing required field")
                .contains("abu.worker-stays.v1.jsonl:3: LOOKS_LIKE_BSN").doesNotContain("111222333");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("published 3 records").contains("refused 2 lines");
        // and the good lines are on the topic, in the Confluent wire format, stamped with their version time
        List<ConsumerRecord<String, byte[]>> sent = readAll(Topics.WORKER_STAYS, 3);
        assertThat(sent).extracting(ConsumerRecord::key).containsExactly("M0001/S-1", "M0001/S-4", "M0001/S-1");
        assertThat(sent.get(0).value()[0]).isZero();
        assertThat(sent.get(0).timestamp()).isEqualTo(Instant.parse("2025-02-04T08:15:00Z").toEpochMilli());
        WorkerStay first = AvroSerdes.valueSerde(WorkerStay.class, Map.of("schema.registry.url", platform.registryUrl()))
                .deserializer().deserialize(Topics.WORKER_STAYS, sent.get(0).value());
        assertThat(first.getWorkerRef()).isEqualTo("w_aaaaaaaaaaaaaaaa");
        assertThat(sent.get(2).value()).isNull();
        assertThat(sent.get(2).timestamp()).isEqualTo(Instant.parse("2025-03-10T09:00:00Z").toEpochMilli());
    }

    private static String stay(String stayId, String workerRef, String municipality) {
        return "{\"key\": \"M0001/" + stayId + "\", \"value\": {\"memberId\": \"M0001\", \"stayId\": \"" + stayId
                + "\", \"workerRef\": \"" + workerRef + "\", \"nationality\": \"PL\", \"sector\": \"LOGISTICS\", "
                + "\"municipality\": \"" + municipality + "\", \"arrivalDate\": \"2025-02-03\", "
                + "\"departureDate\": null, \"recordedAt\": \"2025-02-04T08:15:00Z\"}}";
    }

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(System.err, true));
            return cli.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publish-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }
}
