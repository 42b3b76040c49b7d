package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigTest {

    @Test
    void environmentVariablesOverrideTheFile(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("monitor.properties");
        Files.write(file, List.of("bootstrap.servers=kafka-a:9092", "http.port=8080",
                "kafka.security.protocol=SASL_SSL", "schema.registry.url=http://registry:8081"));

        // when
        MonitorConfig config = MonitorConfig.load(Optional.of(file),
                Map.of("MONITOR_BOOTSTRAP_SERVERS", "kafka-b:9092", "PATH", "/usr/bin"));

        // then
        assertThat(config.required(MonitorConfig.BOOTSTRAP_SERVERS)).isEqualTo("kafka-b:9092");
        assertThat(config.intValue(MonitorConfig.HTTP_PORT, 1)).isEqualTo(8080);
        assertThat(config.kafkaClientOverrides()).containsExactlyEntriesOf(Map.of("security.protocol", "SASL_SSL"));
        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081");
        assertThat(config.optional("path")).isEmpty();
    }

    @Test
    void aMissingRequiredKeyNamesBothWaysToSetIt() throws Exception {
        MonitorConfig config = MonitorConfig.load(Optional.empty(), Map.of());

        assertThatThrownBy(() -> config.required(MonitorConfig.SCHEMA_REGISTRY_URL))
                .hasMessageContaining("schema.registry.url").hasMessageContaining("MONITOR_SCHEMA_REGISTRY_URL");
    }

    @Test
    void theAsOfDateIsTodayUnlessFixed() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T23:30:00Z"),
                java.time.ZoneOffset.UTC);

        assertThat(MonitorConfig.load(Optional.empty(), Map.of()).asOfDate(clock).get())
                .isEqualTo(java.time.LocalDate.of(2026, 3, 2)); // Europe/Amsterdam
        assertThat(MonitorConfig.load(Optional.empty(), Map.of("MONITOR_AS_OF_DATE", "2025-12-31")).asOfDate(clock)
                .get()).isEqualTo(java.time.LocalDate.of(2025, 12, 31));
        assertThatThrownBy(() -> MonitorConfig.load(Optional.empty(), Map.of("MONITOR_AS_OF_DATE", "31-12-2025"))
                .asOfDate(clock)).hasMessageContaining("as.of.date");
    }

    @Test
    void registryCredentialsAndTruststoreGoToTheSerdesAndNotToKafka() throws Exception {
        // given registry credentials from the environment, Confluent's names both with and without the prefix
        MonitorConfig config = MonitorConfig.load(Optional.empty(), Map.of(
                "MONITOR_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "monitor:pw",
                "MONITOR_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "MONITOR_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/registry.p12",
                "MONITOR_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));

        // then
        assertThat(config.serdeConfig()).containsOnly(Map.entry("schema.registry.basic.auth.user.info", "monitor:pw"),
                Map.entry("basic.auth.credentials.source", "USER_INFO"),
                Map.entry("schema.registry.ssl.truststore.location", "/etc/registry.p12"));
        assertThat(config.kafkaClientOverrides()).containsOnly(Map.entry("sasl.mechanism", "SCRAM-SHA-512"));
    }

    @Test
    void aBadValueIsRefusedWithItsKeyWhereItWasSetItsValueAndWhatIsAllowed(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("monitor.properties");
        Files.write(file, List.of("http.port=80800"));

        // then
        assertThatThrownBy(() -> MonitorConfig.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration 'http.port' (in " + file + ") is '80800': Value must be no more than 65535; "
                        + "allowed: an integer in [0,...,65535]");
        assertThatThrownBy(() -> MonitorConfig.load(Optional.empty(), Map.of("MONITOR_TOPICS_PARTITIONS", "three")))
                .hasMessage("Configuration 'topics.partitions' (from MONITOR_TOPICS_PARTITIONS) is 'three': Not a number "
                        + "of type INT; allowed: an integer in [1,...]");
        assertThatThrownBy(() -> MonitorConfig.load(Optional.empty(), Map.of("MONITOR_AS_OF_DATE", "31-12-2025")))
                .hasMessageContaining("'as.of.date'").hasMessageContaining("allowed: a date YYYY-MM-DD");
    }

    @Test
    void unknownKeysAreNamedAndPassThroughKeysAreNot(@TempDir Path dir) throws Exception {
        // given a misspelt key in the file and in the environment, beside keys that go to Kafka and the serdes
        Path file = dir.resolve("monitor.properties");
        Files.write(file, List.of("http.prot=8080", "kafka.linger.ms=5", "schema.registry.basic.auth.user.info=a:b"));

        // when
        MonitorConfig config = MonitorConfig.load(Optional.of(file), Map.of("MONITOR_STATE_DRI", "/tmp/x",
                "MONITOR_AUTO_REGISTER_SCHEMAS", "false"));

        // then
        assertThat(config.unknownKeys()).containsExactly("http.prot", "state.dri");
    }

    @Test
    void defaultsComeFromTheDefinitions() throws Exception {
        MonitorConfig config = MonitorConfig.load(Optional.empty(), Map.of());

        assertThat(config.integer(MonitorConfig.HTTP_PORT)).hasValue(8080);
        assertThat(config.integer(MonitorConfig.TOPIC_PARTITIONS)).isEmpty();
        assertThat(config.string(MonitorConfig.STATE_DIR)).isEqualTo("/var/lib/migration-monitor");
    }
}
