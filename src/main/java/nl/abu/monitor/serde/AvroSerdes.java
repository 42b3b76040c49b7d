package nl.abu.monitor.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Where the pipeline gets its Avro serdes, so the implementation can be chosen by configuration.
 *
 * <p>Config key {@value #VALUE_SERDE_CLASS}: the fully qualified name of a {@link Serde} class with a
 * public no-arg constructor to use for record values instead of ours, e.g.
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} once Confluent's artifacts are on
 * the classpath. It is configured with the same map, so {@code schema.registry.url},
 * {@code auto.register.schemas} etc. apply to either. Unset or blank: our {@link SpecificAvroSerde}.
 */
public final class AvroSerdes {

    public static final String VALUE_SERDE_CLASS = "value.avro.serde.class";

    private AvroSerdes() {
    }

    /** A configured value serde for records of {@code type}. */
    public static <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type, Map<String, ?> config) {
        Object className = config.get(VALUE_SERDE_CLASS);
        Serde<T> serde = className == null || className.toString().isBlank()
                ? new SpecificAvroSerde<>(type)
                : instantiate(className.toString().trim());
        serde.configure(config, false);
        return serde;
    }

    @SuppressWarnings("unchecked")
    private static <T> Serde<T> instantiate(String className) {
        try {
            Class<?> serdeClass = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : AvroSerdes.class.getClassLoader());
            if (!Serde.class.isAssignableFrom(serdeClass)) {
                throw new ConfigException(VALUE_SERDE_CLASS, className, "is not a " + Serde.class.getName());
            }
            return (Serde<T>) serdeClass.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigException(VALUE_SERDE_CLASS, className, "class not found on the classpath");
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ConfigException(VALUE_SERDE_CLASS, className, "cannot be instantiated with a public no-arg constructor: " + e);
        }
    }
}
