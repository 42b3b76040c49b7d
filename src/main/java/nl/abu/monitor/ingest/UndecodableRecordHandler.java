package nl.abu.monitor.ingest;

import java.util.Map;
import nl.abu.monitor.serde.AvroSerdeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be deserialized (not the wire format, an unknown schema id, another topic's
 * schema, broken Avro or a broken key) to the dead-letter topic, and lets processing resume.
 */
public final class UndecodableRecordHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UndecodableRecordHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        RejectionReason reason = exception instanceof AvroSerdeException serde
                ? RejectionReason.valueOf(serde.reason().name())
                : RejectionReason.UNDECODABLE;
        LOG.info("Rejected {}-{}@{}: {}: {}", context.topic(), context.partition(), context.offset(), reason,
                exception.getMessage());
        return Response.resume(deadLetters.reject(context, record.key(), record.value(), null, reason,
                String.valueOf(exception.getMessage())));
    }
}
