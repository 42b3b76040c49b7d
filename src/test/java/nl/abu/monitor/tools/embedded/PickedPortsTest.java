package nl.abu.monitor.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PickedPortsTest {

    private final AtomicInteger attempts = new AtomicInteger();

    private Supplier<String> failingOnATakenPortTimes(int failures) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new EmbeddedStartupException("Kafka broker on port 39289 exited with status 1 before it was"
                        + " ready.\n" + "java.net.BindException: Address already in use",
                        Readiness.mentionsPortInUse("java.net.BindException: Address already in use"));
            }
            return "started";
        };
    }

    @Test
    void givenPickedPorts_whenOneWasTakenBeforeTheBind_thenItStartsAgainOnNewPorts() {
        // when
        String result = PickedPorts.retryOnCollision(true, failingOnATakenPortTimes(1));

        // then
        assertThat(result).isEqualTo("started");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void givenAPortTheUserAskedFor_whenItIsTaken_thenTheFailureIsReportedAtOnce() {
        assertThatThrownBy(() -> PickedPorts.retryOnCollision(false, failingOnATakenPortTimes(1)))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("Address already in use");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givenPortsThatKeepBeingTaken_whenTheAttemptsRunOut_thenTheLastFailureIsReported() {
        assertThatThrownBy(() -> PickedPorts.retryOnCollision(true, failingOnATakenPortTimes(Integer.MAX_VALUE)))
                .isInstanceOf(EmbeddedStartupException.class);
        assertThat(attempts).hasValue(PickedPorts.ATTEMPTS);
    }

    @Test
    void givenAFailureForAnotherReason_whenStarting_thenItIsNotRetried() {
        Supplier<String> notReady = () -> {
            attempts.incrementAndGet();
            throw new EmbeddedStartupException("Apicurio Registry on port 8081 was not ready within 60 s.");
        };

        assertThatThrownBy(() -> PickedPorts.retryOnCollision(true, notReady))
                .isInstanceOf(EmbeddedStartupException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void recognisesTheBindFailuresOfKafkaAndQuarkus() {
        assertThat(Readiness.mentionsPortInUse("Caused by: java.net.BindException: Address already in use")).isTrue();
        assertThat(Readiness.mentionsPortInUse("Port 8081 seems to be in use by another process. Quarkus may"
                + " already be running")).isTrue();
        assertThat(Readiness.mentionsPortInUse("Exiting Kafka due to fatal exception: log dir is offline")).isFalse();
    }
}
