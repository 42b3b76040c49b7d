package nl.abu.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.junit.jupiter.api.Test;

/** Which failures of a stream thread cost only the thread, and which stop the client (docs/reliability.md). */
class UncaughtExceptionPolicyTest {

    @Test
    void aTransientClientErrorOrAMigratedTaskReplacesTheThread() {
        assertThat(PipelineApp.onUncaught(new StreamsException("send failed", new TimeoutException("no leader"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        // as RegistryOutageIT met it: a transaction timed out during a long registry outage, the producer was fenced
        assertThat(PipelineApp.onUncaught(new StreamsException(new TaskMigratedException("fenced",
                new InvalidProducerEpochException("old epoch"))))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anyOtherFailureShutsTheClientDown() {
        assertThat(PipelineApp.onUncaught(new StreamsException("processor failed", new IllegalStateException("bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
