package nl.abu.monitor.tools.simulator;

import java.util.List;
import nl.abu.monitor.contract.EntityKeys;
import org.apache.avro.specific.SpecificRecord;

/** The regular versions of one entity (one key), oldest first, as its member's system records them over time. */
record EntityHistory(String topic, String key, List<SpecificRecord> versions) {

    EntityHistory {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an entity has at least one version");
        }
        versions = List.copyOf(versions);
    }

    static EntityHistory of(String topic, SpecificRecord... versions) {
        return new EntityHistory(topic, EntityKeys.of(versions[0]), List.of(versions));
    }
}
