package nl.abu.monitor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The configuration files of a single-node broker, written into its data directory. */
final class KafkaNodeFiles {

    static final String SERVER_PROPERTIES = "server.properties";
    static final String LOG4J2_PROPERTIES = "log4j2.properties";
    static final String BROKER_LOG = "kafka.log";
    static final String CONSOLE_LOG = "console.log";

    private KafkaNodeFiles() {
    }

    static Path writeServerProperties(Path dataDir, int brokerPort, int controllerPort) {
        Map<String, String> config = new LinkedHashMap<>();
        // One JVM is both broker and controller (KRaft combined mode).
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dataDir.resolve("logs").toString());
        // The defaults (3) cannot be met by one node: without these, transactions and
        // exactly_once_v2 hang on INVALID_REPLICATION_FACTOR.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Tests and demos should not wait 3 s for a consumer group to form.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly, with the settings they need.
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", "1");
        return write(dataDir.resolve(SERVER_PROPERTIES), config);
    }

    /** WARN and above, to a file: the broker's INFO chatter is of no use to a demo or a test. */
    static Path writeLog4j2Properties(Path dataDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("status", "error");
        config.put("appender.file.type", "File");
        config.put("appender.file.name", "file");
        config.put("appender.file.fileName", dataDir.resolve(BROKER_LOG).toString());
        config.put("appender.file.layout.type", "PatternLayout");
        config.put("appender.file.layout.pattern", "%d{ISO8601} %-5p [%c] %m%n");
        config.put("rootLogger.level", "WARN");
        config.put("rootLogger.appenderRef.file.ref", "file");
        return write(dataDir.resolve(LOG4J2_PROPERTIES), config);
    }

    private static Path write(Path file, Map<String, String> config) {
        // Written by hand rather than with Properties.store, which escapes every ":" of a path:
        // these files are meant to be read by people who debug a broker.
        String text = config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
