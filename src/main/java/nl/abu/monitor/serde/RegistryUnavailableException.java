package nl.abu.monitor.serde;

import org.apache.kafka.common.KafkaException;

/**
 * The registry stayed unreachable for longer than the configured maximum wait. Deliberately not a
 * {@link org.apache.kafka.common.errors.SerializationException}: the record is fine, so it must stop
 * the task rather than go to a dead-letter queue.
 */
public class RegistryUnavailableException extends KafkaException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
