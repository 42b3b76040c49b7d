package nl.abu.monitor.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import nl.abu.monitor.period.AsOfDate;

/**
 * The configuration of {@code run}: a properties file, overridden by environment variables named after the key
 * in capitals with dots as underscores and a {@code MONITOR_} prefix ({@code bootstrap.servers} →
 * {@code MONITOR_BOOTSTRAP_SERVERS}). Keys starting with {@code kafka.} go, without the prefix, to every Kafka
 * client (e.g. {@code kafka.security.protocol}); keys starting with {@code schema.registry.} go to the serdes.
 *
 * <p>{@code http.advertised.host} is the host other instances of the application use to reach this one's HTTP
 * server; with the bound port it becomes Kafka Streams' {@code application.server}, through which
 * {@code /api/indicators} gathers the partitions every instance hosts. Default: {@code http.host}, unless that is
 * a wildcard ({@code 0.0.0.0}, {@code ::}), when it is this machine's address as {@code InetAddress.getLocalHost()}
 * resolves it (in a container, usually its IP). Set it wherever that address is not reachable from the other
 * instances, e.g. to the pod IP or a per-instance DNS name.
 */
public final class MonitorConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "application.id";
    public static final String STATE_DIR = "state.dir";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
    public static final String TOPIC_PARTITIONS = "topics.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String OPEN_YEARS = "indicators.open.years";
    public static final String MINIMUM_CELL_SIZE = "indicators.minimum.cell.size";
    /** A fixed as-of date D (YYYY-MM-DD) for replays and tests; without it D is today in Europe/Amsterdam. */
    public static final String AS_OF_DATE = "as.of.date";

    private static final String ENV_PREFIX = "MONITOR_";
    private static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    MonitorConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static MonitorConfig load(Optional<Path> file, Map<String, String> environment) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file.isPresent()) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(file.get())) {
                props.load(reader);
            }
            props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k).trim()));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                values.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new MonitorConfig(values);
    }

    public String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing configuration '" + key + "' (in the --config file, or as "
                    + ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_') + ")");
        }
        return value;
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public int intValue(String key, int defaultValue) {
        return optional(key).map(Integer::parseInt).orElse(defaultValue);
    }

    /** The as-of date D: {@link #AS_OF_DATE} when set (fixed, for replays and tests), else today. */
    public AsOfDate asOfDate(Clock clock) {
        return optional(AS_OF_DATE).map(v -> {
            try {
                return AsOfDate.fixed(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Configuration '" + AS_OF_DATE + "' must be a date YYYY-MM-DD, not '"
                        + v + "'", e);
            }
        }).orElseGet(() -> AsOfDate.today(clock));
    }

    /** Settings for every Kafka client, from the {@code kafka.} keys. */
    public Map<String, Object> kafkaClientOverrides() {
        Map<String, Object> overrides = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                overrides.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return overrides;
    }

    /**
     * Settings for the Avro serdes: the registry URL and every {@code schema.registry.}, {@code basic.auth.} or
     * serde key.
     */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.equals("value.avro.serde.class")
                    || k.equals("auto.register.schemas")) {
                serde.put(k, v);
            }
        });
        return serde;
    }
}
