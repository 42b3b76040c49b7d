package nl.abu.monitor.ingest;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that broke a contract rule to the dead-letter topic and lets processing resume. Any other
 * exception is a defect of ours, not of the input: the task fails rather than skip data silently.
 */
public final class RejectedRecordHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedRecordHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof RecordRejectedException rejected)) {
            LOG.error("Processing failed in {} at {}-{}@{}", context.processorNodeId(), context.topic(),
                    context.partition(), context.offset(), exception);
            return Response.fail();
        }
        Rejection rejection = rejected.rejection();
        LOG.info("Rejected {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), rejected.getMessage());
        return Response.resume(deadLetters.reject(context, context.sourceRawKey(), context.sourceRawValue(),
                record.value(), rejection.reason(), rejection.detail()));
    }
}
