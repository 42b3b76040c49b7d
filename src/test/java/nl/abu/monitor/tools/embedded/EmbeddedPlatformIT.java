package nl.abu.monitor.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One real broker and one real registry, shared by the tests of this class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedPlatformIT {

    private static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = EmbeddedPlatform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aTransactionallyProducedRecordIsReadBackCommitted() throws Exception {
        // given
        String topic = "embedded-it";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }

        // when
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "member-1", "hello"));
            producer.commitTransaction();
        }

        // then
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("member-1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    @Test
    @Order(2)
    void aRegisteredSchemaCanBeFetchedByItsId() throws Exception {
        // given
        String schema = """
                {"type":"record","name":"T","namespace":"nl.abu.test","fields":[{"name":"a","type":"string"}]}""";
        HttpClient http = HttpClient.newHttpClient();

        // when
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/subjects/t-value/versions"))
                        .header("Content-Type", SCHEMA_REGISTRY_JSON)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", schema))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).get("id").asInt();
        HttpResponse<String> fetched = http.send(
                HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/schemas/ids/" + id))
                        .header("Accept", SCHEMA_REGISTRY_JSON)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        JsonNode fetchedSchema = JSON.readTree(JSON.readTree(fetched.body()).get("schema").asText());
        assertThat(fetchedSchema).isEqualTo(JSON.readTree(schema));
    }

    @Test
    @Order(3)
    void whenTheBrokerCannotStartTheRegistryIsStoppedTooAndTheBrokerLogIsReported() throws Exception {
        // given: the port the broker is asked for is taken
        List<ChildJvm> childrenBefore = RunningChildren.snapshot();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {

            // when / then
            assertThatThrownBy(() -> EmbeddedPlatform.start(taken.getLocalPort(), 0))
                    .isInstanceOf(EmbeddedStartupException.class)
                    .hasMessageContaining("Kafka broker on port " + taken.getLocalPort())
                    .hasMessageContaining("Address already in use")
                    .satisfies(e -> assertThat(((EmbeddedStartupException) e).portInUse())
                            .as("recognised as a taken port, not retried because the user asked for it").isTrue());
        }
        assertThat(RunningChildren.snapshot()).as("no child of the failed start left").isEqualTo(childrenBefore);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closingStopsBothChildProcessesAndDeletesTheirDirectories() {
        // given
        long kafkaPid = platform.kafka().pid();
        long registryPid = platform.registry().pid();
        Path kafkaDataDir = platform.kafka().dataDir();
        assertThat(ProcessHandle.of(kafkaPid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        // when
        platform.close();

        // then
        assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(registryPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.exists(kafkaDataDir)).isFalse();
        assertThat(RunningChildren.snapshot()).isEmpty();
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-it-tx");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    private static Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-it");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }
}
