package nl.abu.monitor.tools.bench;

import java.util.Map;
import nl.abu.monitor.serde.AvroSerdeConfig;
import org.apache.kafka.clients.admin.Admin;

/** The embedded broker and registry of one bench run, and an admin client on the broker. */
record BenchPlatform(String bootstrapServers, String registryUrl, Admin admin, long brokerPid) {

    /** What the bench's own producers and consumers give the Avro serdes. */
    Map<String, Object> serdeConfig() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    }
}
