package nl.abu.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nl.abu.monitor.cli.MonitorProcess;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.oracle.AdversarialDataset;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.jsonl.ParsedRecord;
import nl.abu.monitor.tools.publish.Publisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, point 7: no BSN and no workerRef appears in the logs at INFO or in the metrics. A full run as users
 * start it ({@code run} and {@code publish}, each in its own JVM with the application's logging, on the real broker
 * and registry) is fed the adversarial dataset (a BSN in every workerRef field) plus {@link BsnProbeLines} (BSNs in
 * other fields). Then everything either process wrote, the broker's and registry's logs, {@code /metrics},
 * {@code /api/indicators} and the dead-letter headers are grepped for every BSN and workerRef of the input and for
 * any nine-digit number passing the eleven-test.
 */
class PrivacyRunIT {
    private static final long SEED = 7_0007L;
    private static final double SCALE = 0.0005;
    private static final String APPLICATION_ID = "migration-monitor-privacy-it";
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    void givenBsnLikeInput_whenRunAndPublishProcessIt_thenNoBsnOrWorkerRefReachesLogsMetricsOrDeadLetterHeaders(
            @TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        // given the adversarial dataset with BSN probes in other fields too
        Path input = dir.resolve("input");
        long lines = AdversarialDataset.write(input, SEED, SCALE);
        BsnProbeLines.appendTo(input);
        Set<String> bsns = bsnsIn(input);
        Set<String> workerRefs = workerRefsIn(input);
        workerRefs.removeAll(bsns);
        assertThat(bsns).as("BSNs planted").hasSizeGreaterThanOrEqualTo(14);
        assertThat(workerRefs).as("workerRefs of valid records").hasSizeGreaterThan(100);
        Set<String> exact = new TreeSet<>(bsns);
        exact.addAll(workerRefs);
        PersonalDataGrep grep = new PersonalDataGrep(exact);

        Map<String, String> texts = new LinkedHashMap<>();
        List<MonitorProcess> processes = new ArrayList<>();
        try (EmbeddedPlatform platform = EmbeddedPlatform.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.bootstrapServers()))) {
            System.out.printf("dataset of %d lines; platform up %.1f s%n", lines, seconds(started));
            new TopicSetup(Optional.of(3), Optional.of((short) 1)).createMissing(admin);
            Map<String, String> env = Map.of("MONITOR_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                    "MONITOR_SCHEMA_REGISTRY_URL", platform.registryUrl());
            Map<String, String> runEnv = new HashMap<>(env);
            runEnv.putAll(Map.of("MONITOR_APPLICATION_ID", APPLICATION_ID,
                    "MONITOR_STATE_DIR", dir.resolve("state").toString(), "MONITOR_HTTP_HOST", "127.0.0.1",
                    "MONITOR_HTTP_PORT", "0", "MONITOR_AS_OF_DATE", AdversarialDataset.AS_OF.toString()));

            // when the pipeline runs, `publish` sends the valid lines, and a member system that does not validate
            // sends the refused ones and a value that is not Avro
            MonitorProcess run = new MonitorProcess(runEnv, "run");
            processes.add(run);
            List<String> runOut = drain(run);
            String metricsUrl = awaitLine(runOut, "metrics: ", run).substring("metrics: ".length());
            MonitorProcess publish = new MonitorProcess(env, "publish", "--dir", input.toString(),
                    "--as-of", AdversarialDataset.AS_OF.toString());
            processes.add(publish);
            List<String> publishOut = drain(publish);
            assertThat(publish.awaitExit(LIMIT)).as("publish exits").isTrue();
            assertThat(publish.process().exitValue()).as("publish refuses lines").isEqualTo(3);
            System.out.printf("publish done %.1f s%n", seconds(started));
            int unvalidated = sendRefusedLinesUnvalidated(input, platform);
            new CatchUp(admin, APPLICATION_ID, Topics.INPUTS).await(LIMIT, p -> { }, () -> run.process().isAlive());

            System.out.printf("caught up %.1f s%n", seconds(started));

            // then the metrics, the API and the dead letters are scraped (the run is still up)
            texts.put("/metrics", MonitorProcess.get(metricsUrl).body());
            texts.put("/api/indicators", MonitorProcess.get(metricsUrl.replace("/metrics", "/api/indicators")).body());
            List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(platform.bootstrapServers(), Topics.REJECTED);
            texts.put("dead-letter headers", headerLines(deadLetters));
            texts.put("dead-letter keys", keyLines(deadLetters));

            run.signal("TERM");
            assertThat(run.awaitExit(LIMIT)).as("run stops on SIGTERM").isTrue();
            texts.put("run stderr", run.log());
            texts.put("run stdout", String.join("\n", runOut));
            texts.put("publish stderr", publish.log());
            texts.put("publish stdout", String.join("\n", publishOut));
            for (Path log : List.of(platform.kafka().dataDir().resolve("console.log"),
                    platform.kafka().dataDir().resolve("kafka.log"),
                    platform.registry().workDir().resolve("registry.log"))) {
                assertThat(log).as("a log to grep").exists();
                texts.put(log.getFileName().toString(), Files.readString(log));
            }

            List<String> offending = new ArrayList<>();
            texts.forEach((source, text) -> offending.addAll(grep.offending(source, text)));
            System.out.printf("privacy run: %d BSNs planted, %d workerRefs checked, %d refused lines sent "
                    + "unvalidated, %d dead letters, %d lines grepped (%s), %.1f s%n", bsns.size(), workerRefs.size(),
                    unvalidated, deadLetters.size(), grep.linesScanned(), lineCounts(texts), seconds(started));
            assertThat(offending).as("lines carrying a BSN or a workerRef").isEmpty();

            // and the grep was not vacuous: the rejections were logged, counted and dead-lettered
            assertThat(texts.get("run stderr")).contains("Rejected ").contains("LOOKS_LIKE_BSN")
                    .contains("INVALID_FORMAT").contains("UNDECODABLE");
            assertThat(texts.get("publish stderr")).contains("LOOKS_LIKE_BSN").contains("unknown symbol")
                    .contains("not a date").contains("not JSON");
            assertThat(texts.get("/metrics")).containsPattern(
                    "abu_records_rejected_total\\{[^}]*reason=\"LOOKS_LIKE_BSN\"[^}]*} [1-9]");
            assertThat(deadLetters).as("one dead letter per refused record").hasSize(unvalidated);
            assertThat(deadLetters).filteredOn(d -> reason(d).equals("LOOKS_LIKE_BSN"))
                    .hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(d -> assertThat(d.value()).as("a BSN record's value is dropped").isNull());
        } catch (Throwable t) {
            for (MonitorProcess p : processes) {
                String log = p.log();
                System.out.println("---- log of a monitor JVM (last 4000 chars)\n"
                        + log.substring(Math.max(0, log.length() - 4_000)));
            }
            throw t;
        } finally {
            processes.forEach(MonitorProcess::close);
        }
    }

    /** Every BSN-like number anywhere in the input files. */
    private static Set<String> bsnsIn(Path folder) throws Exception {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                found.addAll(PersonalDataGrep.bsnLikeNumbers(Files.readString(file)));
            }
        }
        return found;
    }

    private static Set<String> workerRefsIn(Path folder) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> refs = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    try {
                        JsonNode ref = json.readTree(line).path("value").path("workerRef");
                        if (ref.isTextual()) {
                            refs.add(ref.textValue());
                        }
                    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                        // the planted line that is not JSON has no workerRef
                    }
                }
            }
        }
        return refs;
    }

    /** What a member system without validation would send: the lines `publish` refuses, and one non-Avro value. */
    private static int sendRefusedLinesUnvalidated(Path input, EmbeddedPlatform platform) throws Exception {
        RecordValidator validator = new RecordValidator(AsOfDate.fixed(AdversarialDataset.AS_OF));
        int sent = 0;
        try (Publisher publisher = new Publisher(platform.bootstrapServers(),
                Map.of("schema.registry.url", platform.registryUrl()), Map.of());
                Stream<JsonLine> lines = JsonLinesFolder.open(input).lines()) {
            for (JsonLine line : (Iterable<JsonLine>) lines::iterator) {
                if (line instanceof ParsedRecord r && validator.validate(r.topic(), r.key(), r.value()).isPresent()) {
                    publisher.send(r.topic(), r.key(), r.value(), r.timestampMillis());
                    sent++;
                }
            }
            publisher.flush();
        }
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.WORKER_STAYS, "A-NOFEC/RAW".getBytes(StandardCharsets.UTF_8),
                    ("workerRef " + BsnProbeLines.RAW_VALUE_BSN).getBytes(StandardCharsets.UTF_8))).get();
        }
        return sent + 1;
    }

    /** Copies the process's stdout into a list, so that nothing it prints is missed or blocks it. */
    private static List<String> drain(MonitorProcess p) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.process().getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process is gone: what was read is kept
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(List<String> lines, String prefix, MonitorProcess p) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertThat(p.process().isAlive()).as("the monitor JVM is running").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting with '" + prefix + "' within " + LIMIT);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "privacy-it-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String headerLines(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder lines = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            for (Header h : r.headers()) {
                lines.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return lines.toString();
    }

    private static String keyLines(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder lines = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.key() != null) {
                lines.append(new String(r.key(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return lines.toString();
    }

    private static String reason(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(DeadLetters.REASON);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String lineCounts(Map<String, String> texts) {
        List<String> counts = new ArrayList<>();
        texts.forEach((source, text) -> counts.add(source + " " + text.split("\r?\n", -1).length));
        return String.join(", ", counts);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
