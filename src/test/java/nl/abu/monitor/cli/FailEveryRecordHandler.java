package nl.abu.monitor.cli;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * For tests only, given to the pipeline as {@code kafka.processing.exception.handler}: every exception that reaches
 * the processing handler (a rejected record, for one) fails the task, so it escapes the processor and ends the
 * stream thread, as a defect in a processor would.
 */
public final class FailEveryRecordHandler implements ProcessingExceptionHandler {
    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return Response.fail();
    }
}
