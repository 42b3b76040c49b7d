package nl.abu.monitor.cli;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instance's static group membership (KIP-345): a {@code group.instance.id} derived from its configuration, so
 * that a crashed instance restarted with the same configuration takes its partitions back at once, instead of
 * waiting out the dead member's session (45 s). Derived from the application id and the advertised HTTP endpoint,
 * which already has to be unique per instance (other instances reach this one's stores there), and stable across
 * restarts when the HTTP port is fixed. With {@code http.port=0} the port, and so the id, would change on every
 * start: such an instance (the demo, tests) stays a dynamic member. {@code kafka.group.instance.id} overrides it; an
 * empty value turns static membership off. The trade-off is in docs/reliability.md.
 */
final class GroupInstanceId {
    private static final int MAX_LENGTH = 200;

    private GroupInstanceId() {
    }

    static Optional<String> of(String applicationId, HostInfo advertised, int configuredHttpPort,
            Map<String, Object> kafkaOverrides) {
        Object configured = kafkaOverrides.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        if (configured != null) {
            return Optional.of(configured.toString().trim()).filter(id -> !id.isEmpty());
        }
        if (configuredHttpPort == 0) {
            return Optional.empty();
        }
        // The broker allows letters, digits, '.', '_' and '-' only; Kafka Streams appends "-<thread>".
        String id = (applicationId + "-" + advertised.host() + "-" + advertised.port()).replaceAll("[^a-zA-Z0-9._-]", "_");
        return Optional.of(id.length() > MAX_LENGTH ? id.substring(id.length() - MAX_LENGTH) : id);
    }
}
