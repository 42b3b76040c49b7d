package nl.abu.monitor.tools.bench;

import java.nio.file.Path;
import java.time.Duration;

/** A Kafka Streams application that the bench runs in a JVM of its own and measures: the pipeline or a floor. */
interface StreamsProcess {
    /** For progress and error messages: "pipeline", "floor". */
    String name();

    String applicationId();

    /** Waits until its Kafka Streams are RUNNING: processing starts. @return when, in epoch millis */
    long awaitRunningMillis(Duration limit) throws Exception;

    boolean isAlive();

    long pid();

    /** Its stderr. */
    Path log();
}
