package nl.abu.monitor.serde;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The config keys of the serdes. The first three are Confluent's names, so one config map works for
 * both our serde and Confluent's; the retry keys are ours (Confluent's serde has no such wait).
 */
public final class AvroSerdeConfig {

    /** Registry URL(s), comma-separated; {@code mock://<scope>} for an in-memory registry. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Whether the serializer registers its schema (default true) or only looks it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Accepted for compatibility with Confluent; this serde always reads specific records. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Milliseconds to keep retrying an unreachable registry before failing; default -1 = forever. */
    public static final String RETRY_MAX_WAIT_MS = "schema.registry.retry.max.wait.ms";
    /** First pause between retries, in milliseconds; default 100, doubling up to the next key. */
    public static final String RETRY_INITIAL_BACKOFF_MS = "schema.registry.retry.initial.backoff.ms";
    /** Longest pause between retries, in milliseconds; default 5000. */
    public static final String RETRY_MAX_BACKOFF_MS = "schema.registry.retry.max.backoff.ms";
    /** Timeout of one registry request, in milliseconds; default 10000. */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    private AvroSerdeConfig() {
    }

    static boolean autoRegister(Map<String, ?> config) {
        Object value = config.get(AUTO_REGISTER_SCHEMAS);
        return value == null || Boolean.parseBoolean(value.toString().trim());
    }

    /** A client for the configured registry: a shared in-memory one for {@code mock://}. */
    static SchemaRegistryClient client(Map<String, ?> config) {
        Object url = config.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        List<String> urls = Arrays.stream(url.toString().split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
        if (urls.size() == 1 && MockSchemaRegistryClient.isMockUrl(urls.get(0))) {
            return MockSchemaRegistryClient.forScope(MockSchemaRegistryClient.scopeOf(urls.get(0)));
        }
        long maxWait = millis(config, RETRY_MAX_WAIT_MS, -1);
        RetryPolicy retry = new RetryPolicy(
                Duration.ofMillis(millis(config, RETRY_INITIAL_BACKOFF_MS, RetryPolicy.DEFAULT.initialBackoff().toMillis())),
                Duration.ofMillis(millis(config, RETRY_MAX_BACKOFF_MS, RetryPolicy.DEFAULT.maxBackoff().toMillis())),
                maxWait < 0 ? null : Duration.ofMillis(maxWait));
        return new HttpSchemaRegistryClient(urls, retry, Duration.ofMillis(millis(config, REQUEST_TIMEOUT_MS, 10_000)),
                RegistryAccess.from(config));
    }

    private static long millis(Map<String, ?> config, String key, long defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "not a number of milliseconds");
        }
    }
}
