package nl.abu.monitor.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.StreamsProperties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final List<String> PASS_THROUGH_PREFIXES = List.of(KAFKA_PREFIX, "schema.registry.", "basic.auth.");
    private static final Set<String> SERDE_KEYS = Set.of("value.avro.serde.class", "auto.register.schemas");
    private static final Logger LOG = LoggerFactory.getLogger(MonitorConfig.class);

    /** The keys of {@code run}, their types, defaults and allowed values: the README's table is made from it. */
    static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "required: the Kafka cluster, `host:port[,host:port...]`")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "required: the schema registry; comma-separated URLs allowed; `mock://<scope>` is an in-memory registry")
            .define(APPLICATION_ID, Type.STRING, StreamsProperties.DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Kafka Streams' application id: the consumer group and the prefix of the internal topics")
            .define(STATE_DIR, Type.STRING, "/var/lib/migration-monitor", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "directory of the local state stores")
            .define(HTTP_HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "address the HTTP server binds")
            .define(HTTP_PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65_535), Importance.MEDIUM,
                    "port of `/metrics`, `/health/*` and `/api/indicators`; 0 picks a free port (and turns static "
                            + "group membership off)")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, null, Importance.MEDIUM,
                    "default `http.host`; for a wildcard (`0.0.0.0`, `::`) this machine's address "
                            + "(`InetAddress.getLocalHost()`). With the bound port it is Kafka Streams' "
                            + "`application.server`, where the other instances reach this one: set it when that "
                            + "address is not reachable from them (e.g. the pod IP)")
            .define(TOPIC_PARTITIONS, Type.INT, null, new Optionally(ConfigDef.Range.atLeast(1)), Importance.LOW,
                    "partitions of the topics it creates; default: the cluster's")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, null, new Optionally(ConfigDef.Range.atLeast(1)), Importance.LOW,
                    "replication factor of the topics it creates; default: the cluster's")
            .define(OPEN_YEARS, Type.INT, ReportingCalendar.DEFAULT_OPEN_YEARS, ConfigDef.Range.between(1, 10),
                    Importance.LOW, "calendar years whose periods are reported: this year and the years before it")
            .define(MINIMUM_CELL_SIZE, Type.INT, IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "a ratio or mean in a sector scope with a smaller denominator is SUPPRESSED: published without "
                            + "numerator, denominator and value (docs/indicators.md)")
            .define(AS_OF_DATE, Type.STRING, null, new IsoDate(), Importance.LOW,
                    "default: today in Europe/Amsterdam. A fixed as-of date D for replays and tests; not for live "
                            + "use, where D must move with the calendar");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    MonitorConfig(Map<String, String> values) {
        this(values, Map.of());
    }

    private MonitorConfig(Map<String, String> values, Map<String, String> origins) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /**
     * Reads the file and then the environment, checks every value against {@link #DEFINITION}, and warns of every
     * key that is neither defined nor passed through.
     * @throws ConfigurationException naming the key, where it was set, its value and what is allowed
     */
    public static MonitorConfig load(Optional<Path> file, Map<String, String> environment) throws IOException {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        if (file.isPresent()) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(file.get())) {
                props.load(reader);
            }
            props.stringPropertyNames().forEach(k -> {
                values.put(k, props.getProperty(k).trim());
                origins.put(k, "in " + file.get());
            });
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value);
                origins.put(key, "from " + name);
            }
        });
        MonitorConfig config = new MonitorConfig(values, origins);
        config.validate();
        config.unknownKeys().forEach(key -> LOG.warn("Unknown configuration key '{}' ({}) is ignored; the keys are "
                + "listed in the README, \"Configuration of run\"", key, origins.get(key)));
        return config;
    }

    private void validate() {
        for (ConfigDef.ConfigKey definition : DEFINITION.configKeys().values()) {
            String value = values.get(definition.name);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Object parsed = ConfigDef.parseType(definition.name, value, definition.type);
                if (definition.validator != null) {
                    definition.validator.ensureValid(definition.name, parsed);
                }
            } catch (ConfigException e) {
                throw new ConfigurationException("Configuration '" + definition.name + "' (" + origins.getOrDefault(
                        definition.name, "given") + ") is '" + value + "': " + reason(e, definition.name) + "; allowed: "
                        + allowed(definition));
            }
        }
    }

    private static String reason(ConfigException e, String key) {
        String message = e.getMessage();
        String marker = "configuration " + key + ": ";
        int at = message.indexOf(marker);
        return at < 0 ? message : message.substring(at + marker.length());
    }

    /** What a key takes, in words: its type and, where there is one, its validator's range or form. */
    static String allowed(ConfigDef.ConfigKey definition) {
        if (definition.validator instanceof IsoDate) {
            return "a date YYYY-MM-DD";
        }
        String type = switch (definition.type) {
            case INT, SHORT, LONG -> "an integer";
            default -> "text";
        };
        if (definition.validator == null) {
            return type;
        }
        return definition.validator instanceof ConfigDef.NonEmptyString ? "non-empty " + type
                : type + " in " + definition.validator;
    }

    /** The README's table of the keys of {@code run}, made from {@link #DEFINITION} (ConfigurationTableTest checks it). */
    static String markdownTable() {
        StringBuilder table = new StringBuilder("| key | environment variable | default | allowed | meaning |\n"
                + "|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
            table.append("| `").append(key.name).append("` | `").append(ENV_PREFIX)
                    .append(key.name.toUpperCase(Locale.ROOT).replace('.', '_')).append("` | ")
                    .append(key.defaultValue == null ? "" : "`" + key.defaultValue + "`").append(" | ")
                    .append(allowed(key)).append(" | ").append(key.documentation).append(" |\n");
        }
        return table.toString();
    }

    /** Keys set in the file or the environment that are neither defined nor passed on to Kafka or the serdes. */
    List<String> unknownKeys() {
        return values.keySet().stream().filter(key -> !DEFINITION.names().contains(key))
                .filter(key -> PASS_THROUGH_PREFIXES.stream().noneMatch(key::startsWith) && !SERDE_KEYS.contains(key))
                .sorted().toList();
    }

    public String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("Missing configuration '" + key + "': set it in the --config file or as "
                    + ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value;
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** The value of an integer key, checked by {@link #load}, or its default from {@link #DEFINITION}. */
    public Optional<Integer> integer(String key) {
        return optional(key).map(v -> ((Number) ConfigDef.parseType(key, v, DEFINITION.configKeys().get(key).type))
                .intValue()).or(() -> Optional.ofNullable((Number) DEFINITION.defaultValues().get(key))
                .map(Number::intValue));
    }

    /** The value of a string key, or its default from {@link #DEFINITION}. */
    public String string(String key) {
        return optional(key).orElseGet(() -> (String) DEFINITION.defaultValues().get(key));
    }

    public int intValue(String key, int defaultValue) {
        return integer(key).orElse(defaultValue);
    }

    /** The as-of date D: {@link #AS_OF_DATE} when set (fixed, for replays and tests), else today. */
    public AsOfDate asOfDate(Clock clock) {
        return optional(AS_OF_DATE).map(v -> AsOfDate.fixed(LocalDate.parse(v))).orElseGet(() -> AsOfDate.today(clock));
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
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || SERDE_KEYS.contains(k)) {
                serde.put(k, v);
            }
        });
        return serde;
    }

    /** For a key without a default: nothing, or what {@code validator} allows. */
    private record Optionally(ConfigDef.Validator validator) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null) {
                validator.ensureValid(name, value);
            }
        }

        @Override
        public String toString() {
            return validator.toString();
        }
    }

    /** A date {@code YYYY-MM-DD}, or nothing. */
    private static final class IsoDate implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null) {
                try {
                    LocalDate.parse(value.toString());
                } catch (DateTimeParseException e) {
                    throw new ConfigException(name, value, "not a date YYYY-MM-DD");
                }
            }
        }

        @Override
        public String toString() {
            return "YYYY-MM-DD";
        }
    }
}
