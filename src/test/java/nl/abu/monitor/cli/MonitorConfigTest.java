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
}
