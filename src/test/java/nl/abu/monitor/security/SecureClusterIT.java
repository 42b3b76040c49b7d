package nl.abu.monitor.security;

import static nl.abu.monitor.cli.MonitorProcess.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.cli.MonitorProcess;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.ingest.DeadLetters;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.oracle.ContractOracle;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.pipeline.ListedFeedbackTopics;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.embedded.KafkaSecurityAdmin;
import nl.abu.monitor.tools.embedded.SecureClientSettings;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.replay.IndicatorReport;
import nl.abu.monitor.tools.replay.IndicatorTopicReader;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, point 7: the pipeline ({@code run}) and {@code publish} work over SASL_SSL (SCRAM-SHA-512, hostname
 * verification on) against a broker that enforces ACLs, each principal holding exactly the ACLs docs/security.md
 * lists ({@link RequiredAcls}), and nothing gets through without TLS, the right password or an ACL.
 */
class SecureClusterIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String APPLICATION_ID = StreamsProperties.DEFAULT_APPLICATION_ID;
    private static final String APP_USER = "monitor";
    private static final Set<String> INDICATORS = Set.copyOf(ContractOracle.INDICATORS);
    /** A member other than the one that publishes. */
    private static final String OTHER_MEMBER = "Z9999";

    @Test
    void givenTlsScramAndTightAcls_whenAMemberPublishesAndThePipelineRuns_thenTheIndicatorsMatchTheOracle(
            @TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        // given one member's data and the oracle's answer
        Path input = dir.resolve("input");
        String memberId = OneMemberDataset.write(dir, input, 7_001L, 0.0015, AS_OF);
        Map<String, ContractOracle.Row> expected = OracleComparison.expected(
                new ContractOracle(ContractOracle.Settings.defaults()).run(input, AS_OF), INDICATORS);
        System.out.printf("dataset of %s and oracle (%.1f s)%n", memberId, seconds(started));
        // the member's profile is the ABU's to load (the members topic is its own); the rest is the member's
        Path abuLoads = Files.createDirectories(dir.resolve("abu-loads"));
        Files.move(input.resolve(Topics.MEMBERS + ".jsonl"), abuLoads.resolve(Topics.MEMBERS + ".jsonl"));
        String memberUser = "member-" + memberId;
        List<MonitorProcess> processes = new ArrayList<>();
        try (EmbeddedPlatform platform = EmbeddedPlatform.startSecure()) {
            SecureClientSettings secure = platform.kafka().secureClientSettings().orElseThrow();
            System.out.printf("secure platform up (%.1f s): %s%n", seconds(started), secure);
            // and two principals with exactly the ACLs of docs/security.md
            String appPassword = "app-" + System.nanoTime();
            String memberPassword = "member-" + System.nanoTime();
            try (Admin admin = Admin.create(secure.adminProperties())) {
                KafkaSecurityAdmin security = new KafkaSecurityAdmin(admin);
                security.createScramUser(APP_USER, appPassword);
                security.createScramUser(memberUser, memberPassword);
                security.createAcls(RequiredAcls.application("User:" + APP_USER, APPLICATION_ID));
                security.createAcls(RequiredAcls.member(memberId));
            }
            try (Admin admin = Admin.create(secure.adminProperties())) {
                // when the pipeline runs as the app principal, configured through MONITOR_* variables only
                Map<String, String> env = new HashMap<>(monitorKafkaEnv(secure.clientProperties(APP_USER, appPassword)));
                env.putAll(Map.of("MONITOR_BOOTSTRAP_SERVERS", secure.bootstrapServers(),
                        "MONITOR_SCHEMA_REGISTRY_URL", platform.registryUrl(),
                        "MONITOR_STATE_DIR", dir.resolve("state").toString(), "MONITOR_HTTP_HOST", "127.0.0.1",
                        "MONITOR_HTTP_PORT", "0", "MONITOR_TOPICS_PARTITIONS", "2",
                        "MONITOR_TOPICS_REPLICATION_FACTOR", "1", "MONITOR_AS_OF_DATE", AS_OF.toString()));
                // Kafka Streams purges consumed repartition records at most every 30 s by default; every second
                // here, so that the purge (which needs the DELETE ACL) is checked without waiting half a minute
                env.put("MONITOR_KAFKA_REPARTITION_PURGE_INTERVAL_MS", "1000");
                MonitorProcess run = new MonitorProcess(env, "run");
                processes.add(run);
                String health = run.addresses(Duration.ofSeconds(90)).get("metrics").replace("/metrics", "/health/ready");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(health).statusCode())
                        .isEqualTo(200));
                System.out.printf("pipeline ready as User:%s (%.1f s)%n", APP_USER, seconds(started));

                // and the ABU admits the member: creates its own topics, after the pipeline started, and loads its
                // profile on the members topic
                long topicsCreated = System.nanoTime();
                new TopicSetup(Optional.of(2), Optional.of((short) 1)).createMemberTopics(admin, memberId);
                Path abuConfig = dir.resolve("abu.properties");
                writeConfig(abuConfig, secure.adminProperties());
                MonitorProcess load = new MonitorProcess(Map.of(), "publish", "--dir", abuLoads.toString(),
                        "--bootstrap", secure.bootstrapServers(), "--registry", platform.registryUrl(),
                        "--config", abuConfig.toString(), "--as-of", AS_OF.toString());
                processes.add(load);
                assertThat(load.awaitExit(Duration.ofSeconds(90))).as("the ABU's load has finished").isTrue();
                assertThat(load.process().exitValue()).as("load exit code; log:%n%s", load.log()).isZero();

                // and the member publishes its data to its own topics with `publish --member`, as its own principal
                Path memberConfig = dir.resolve("member.properties");
                writeConfig(memberConfig, secure.clientProperties(memberUser, memberPassword));
                MonitorProcess publish = new MonitorProcess(Map.of(), "publish", "--dir", input.toString(),
                        "--member", memberId,
                        "--bootstrap", secure.bootstrapServers(), "--registry", platform.registryUrl(),
                        "--config", memberConfig.toString(), "--as-of", AS_OF.toString());
                processes.add(publish);
                assertThat(publish.awaitExit(Duration.ofSeconds(90))).as("publish has finished").isTrue();
                String summary = new String(publish.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                System.out.printf("publish as User:%s: %s (%.1f s)%n", memberUser, summary.trim(), seconds(started));
                assertThat(publish.process().exitValue()).as("publish exit code; log:%n%s", publish.log()).isZero();
                assertThat(summary).contains("refused 0 lines");

                // then the pipeline finds the member's topics, created after it started, and catches up
                List<String> inputs = new ArrayList<>(Topics.INPUTS);
                Arrays.stream(InputTopic.values()).filter(InputTopic::hasMemberTopics)
                        .forEach(i -> inputs.add(i.memberTopic(memberId)));
                CatchUp catchUp = new CatchUp(admin, APPLICATION_ID, inputs);
                catchUp.await(Duration.ofMinutes(5), p -> { }, () -> run.process().isAlive());
                System.out.printf("caught up (%.1f s), the member's topics consumed %.1f s after they were created%n",
                        seconds(started), seconds(topicsCreated));
                assertThat(Duration.ofNanos(System.nanoTime() - topicsCreated))
                        .as("contract 9.1: a new member topic is consumed within 5 minutes")
                        .isLessThan(Duration.ofMinutes(5));

                // and when, on its own topic, the member writes a record of another member (who is admitted too),
                // once the pipeline has listed the new feedback topics
                new TopicSetup(Optional.of(2), Optional.of((short) 1)).createMemberTopics(admin, OTHER_MEMBER);
                Thread.sleep(Math.max(0, ListedFeedbackTopics.REFRESH.plusSeconds(1).toMillis()
                        - Duration.ofNanos(System.nanoTime() - topicsCreated).toMillis()));
                Map<String, Object> member = secure.clientProperties(memberUser, memberPassword);
                Map<String, Object> serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
                String ownStays = InputTopic.WORKER_STAYS.memberTopic(memberId);
                WorkerStay othersStay = TestRecords.stay().setMemberId(OTHER_MEMBER).build();
                try (Publisher producer = new Publisher(secure.bootstrapServers(), serdeConfig, member)) {
                    producer.send(ownStays, EntityKeys.of(othersStay), othersStay,
                            othersStay.getRecordedAt().toEpochMilli());
                    producer.flush();
                }
                catchUp.await(Duration.ofMinutes(2), p -> { }, () -> run.process().isAlive());

                // then it is rejected as MEMBER_MISMATCH, and fed back to this member only, who reads it in a
                // consumer group of its own
                List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(secure.adminProperties(), Topics.REJECTED);
                assertThat(deadLetters).as("dead letters").hasSize(1);
                assertThat(header(deadLetters.get(0), DeadLetters.REASON)).isEqualTo("MEMBER_MISMATCH");
                assertThat(header(deadLetters.get(0), DeadLetters.SOURCE_TOPIC)).isEqualTo(ownStays);
                List<ConsumerRecord<byte[], byte[]>> feedback = readAsGroup(member,
                        "abu.member." + memberId + ".feedback-reader", Topics.memberRejected(memberId));
                assertThat(feedback).as("the member's feedback").hasSize(1);
                assertThat(header(feedback.get(0), DeadLetters.REASON)).isEqualTo("MEMBER_MISMATCH");
                assertThat(readAll(secure.adminProperties(), Topics.memberRejected(OTHER_MEMBER)))
                        .as("the other member's feedback").isEmpty();
                assertThat(fetchFailure(member, Topics.memberRejected(OTHER_MEMBER)))
                        .as("reading another member's feedback").isInstanceOf(TopicAuthorizationException.class);
                PipelineSettings settings = PipelineSettings.defaults(AsOfDate.fixed(AS_OF), serdeConfig,
                        new IngestCounters(new SimpleMeterRegistry()));
                List<IndicatorValue> report = IndicatorReport.complete(IndicatorTopicReader.latest(
                                secure.bootstrapServers(), serdeConfig, secure.adminProperties()).values(),
                        new ReportingCalendar(AS_OF, settings.openYears()),
                        new IndicatorValues(settings.seedTargets(), settings.minimumCellSize()));
                OracleComparison.assertMatches(expected, new ObjectMapper().readTree(IndicatorJson.toJsonArray(report)),
                        INDICATORS, "output over SASL_SSL");
                assertThat(run.log()).as("the pipeline's log").doesNotContain("AuthorizationException")
                        .doesNotContain(appPassword);
                assertThat(publish.log()).as("publish's log").doesNotContain(memberPassword);
                // and Kafka Streams purged consumed repartition records, which needs DELETE (a refusal is silent)
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(purgedRepartitionRecords(admin)).isPositive());

                // and the ACLs are tight: the member cannot write the output, a shared input topic or another
                // member's topic, nor read an input topic
                assertThat(produceFailure(member, Topics.INDICATORS)).isInstanceOf(TopicAuthorizationException.class);
                assertThat(produceFailure(member, Topics.WORKER_STAYS)).isInstanceOf(TopicAuthorizationException.class);
                assertThat(produceFailure(member, InputTopic.WORKER_STAYS.memberTopic(OTHER_MEMBER)))
                        .isInstanceOf(TopicAuthorizationException.class);
                assertThat(fetchFailure(member, Topics.WORKER_STAYS)).isInstanceOf(TopicAuthorizationException.class);
                // and the app cannot write an input topic
                assertThat(produceFailure(secure.clientProperties(APP_USER, appPassword), Topics.WORKER_STAYS))
                        .isInstanceOf(TopicAuthorizationException.class);
            }

            // and a wrong password fails authentication, and neither a plaintext client nor a TLS client without
            // SASL is served on the SASL_SSL port (the three clients try at once: two of them wait for a timeout)
            Map<String, Object> wrongPassword = secure.clientProperties(memberUser, memberPassword + "x");
            Map<String, Object> plaintext = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    secure.bootstrapServers());
            Map<String, Object> tlsOnly = new HashMap<>(secure.clientProperties(memberUser, memberPassword));
            tlsOnly.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
            CompletableFuture<Throwable> wrongPasswordFailure = describeClusterFailureAsync(wrongPassword);
            CompletableFuture<Throwable> plaintextFailure = describeClusterFailureAsync(plaintext);
            CompletableFuture<Throwable> tlsOnlyFailure = describeClusterFailureAsync(tlsOnly);
            assertThat(wrongPasswordFailure.get()).isInstanceOf(SaslAuthenticationException.class);
            assertThat(plaintextFailure.get()).isInstanceOf(TimeoutException.class);
            assertThat(tlsOnlyFailure.get()).isInstanceOf(TimeoutException.class);
            System.out.printf("total %.1f s%n", seconds(started));
        } catch (Throwable t) {
            for (MonitorProcess p : processes) {
                String log = p.log();
                System.out.println("---- log of a monitor JVM (last 6000 chars)");
                System.out.println(log.substring(Math.max(0, log.length() - 6_000)));
            }
            throw t;
        } finally {
            processes.forEach(MonitorProcess::close);
        }
    }

    /** kafka.* settings as the MONITOR_KAFKA_* variables {@code run} reads (bootstrap.servers is passed apart). */
    private static Map<String, String> monitorKafkaEnv(Map<String, Object> clientProperties) {
        Map<String, String> env = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                env.put("MONITOR_KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value.toString());
            }
        });
        return env;
    }

    private static void writeConfig(Path file, Map<String, Object> clientProperties) throws Exception {
        Properties props = new Properties();
        clientProperties.forEach((key, value) -> {
            if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                props.setProperty("kafka." + key, value.toString());
            }
        });
        try (Writer writer = Files.newBufferedWriter(file)) {
            props.store(writer, "publish as a member");
        }
    }

    /** The sum of the earliest offsets of the application's repartition topics: records deleted so far. */
    private static long purgedRepartitionRecords(Admin admin) throws Exception {
        List<String> repartitionTopics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(APPLICATION_ID + "-") && t.endsWith("-repartition")).toList();
        assertThat(repartitionTopics).isNotEmpty();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(repartitionTopics).allTopicNames().get().values().forEach(d -> d.partitions()
                .forEach(p -> earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest())));
        return admin.listOffsets(earliest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    private static Throwable produceFailure(Map<String, Object> client, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return rootOf(catchThrowable(() -> producer.send(new ProducerRecord<>(topic, new byte[] {1}))
                    .get(15, TimeUnit.SECONDS)));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> client, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** What a member's consumer in a group reads from the start of a topic, within 30 s. */
    private static List<ConsumerRecord<byte[], byte[]>> readAsGroup(Map<String, Object> client, String group,
            String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Throwable fetchFailure(Map<String, Object> client, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            return catchThrowable(() -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    private static CompletableFuture<Throwable> describeClusterFailureAsync(Map<String, Object> client) {
        return CompletableFuture.supplyAsync(() -> describeClusterFailure(client));
    }

    private static Throwable describeClusterFailure(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_500);
        try (Admin admin = Admin.create(props)) {
            return rootOf(catchThrowable(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)));
        }
    }

    private static Throwable rootOf(Throwable t) {
        return t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
