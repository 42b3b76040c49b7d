package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The configuration files of a single-node broker, written into its data directory. */
final class KafkaNodeFiles {

    static final String SERVER_PROPERTIES = "server.properties";
    static final String LOG4J2_PROPERTIES = "log4j2.properties";
    static final String BROKER_LOG = "kafka.log";
    static final String CONSOLE_LOG = "console.log";
    static final String FORMAT_ARGS = "format-args";

    private KafkaNodeFiles() {
    }

    static Path writeServerProperties(Path dataDir, int brokerPort, int controllerPort) {
        Map<String, String> config = common(dataDir, controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        return write(dataDir.resolve(SERVER_PROPERTIES), withSingleNodeDefaults(config));
    }

    /**
     * The configuration of a broker whose client listener is SASL_SSL with SCRAM-SHA-512, with the KRaft
     * StandardAuthorizer: nothing is allowed without an ACL, except to the super users {@code User:<superUser>} and
     * the broker's own certificate.
     */
    static Path writeSecureServerProperties(Path dataDir, int brokerPort, int controllerPort, BrokerTls tls,
            String superUser, String superUserPassword) {
        Map<String, String> config = common(dataDir, controllerPort);
        config.put("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "CLIENT://127.0.0.1:" + brokerPort);
        // SCRAM credentials live in the metadata log that the controller serves, so the controller listener
        // cannot use SCRAM: it is TLS with a client certificate required, which only this broker holds (its
        // principal User:CN=embedded-kafka is a super user), so no plaintext or anonymous port is left open.
        // Inter-broker traffic (the transaction coordinator writes its markers through it, to itself) uses the
        // SASL_SSL client listener as the super user, whose SCRAM credentials are added when the storage is formatted.
        config.put("listener.security.protocol.map", "CLIENT:SASL_SSL,CONTROLLER:SSL");
        config.put("inter.broker.listener.name", "CLIENT");
        config.put("listener.name.controller.ssl.client.auth", "required");
        config.put("sasl.enabled.mechanisms", SecureClientSettings.SCRAM_MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", SecureClientSettings.SCRAM_MECHANISM);
        config.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                SecureClientSettings.jaasConfig(superUser, superUserPassword));
        config.put("ssl.keystore.location", tls.keystore().toString());
        config.put("ssl.keystore.type", BrokerTls.STORE_TYPE);
        config.put("ssl.keystore.password", tls.password());
        config.put("ssl.key.password", tls.password());
        config.put("ssl.truststore.location", tls.truststore().toString());
        config.put("ssl.truststore.type", BrokerTls.STORE_TYPE);
        config.put("ssl.truststore.password", tls.password());
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + superUser + ";User:" + BrokerTls.SUBJECT);
        config.put("allow.everyone.if.no.acl.found", "false");
        return write(dataDir.resolve(SERVER_PROPERTIES), withSingleNodeDefaults(config));
    }

    private static Map<String, String> common(Path dataDir, int controllerPort) {
        Map<String, String> config = new LinkedHashMap<>();
        // One JVM is both broker and controller (KRaft combined mode).
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("log.dirs", dataDir.resolve("logs").toString());
        return config;
    }

    private static Map<String, String> withSingleNodeDefaults(Map<String, String> config) {
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
        return config;
    }

    /** Extra arguments of the storage format, one per line; the data directory is readable by its owner only. */
    static Path writeFormatArgs(Path dataDir, List<String> formatArgs) {
        try {
            return Files.write(dataDir.resolve(FORMAT_ARGS), formatArgs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve(FORMAT_ARGS), e);
        }
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
