package nl.abu.monitor.jsonl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.WorkerStay;
import org.apache.avro.Schema;

/** Which Avro record type each input topic of the contract (section 2) carries. */
public final class InputTopicSchemas {

    private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put(Topics.MEMBERS, Member.getClassSchema());
        SCHEMAS.put(Topics.WORKER_STAYS, WorkerStay.getClassSchema());
        SCHEMAS.put(Topics.LANGUAGE_ENROLMENTS, LanguageEnrolment.getClassSchema());
        SCHEMAS.put(Topics.EURES_PLACEMENTS, EuresPlacement.getClassSchema());
        SCHEMAS.put(Topics.BRP_REGISTRATIONS, BrpRegistration.getClassSchema());
        SCHEMAS.put(Topics.PKS_HOUSING_RATINGS, PksHousingRating.getClassSchema());
        if (!SCHEMAS.keySet().equals(new java.util.HashSet<>(Topics.INPUTS))) {
            throw new IllegalStateException("InputTopicSchemas is out of line with Topics.INPUTS");
        }
    }

    private InputTopicSchemas() {
    }

    public static Optional<Schema> schemaOf(String topic) {
        return Optional.ofNullable(SCHEMAS.get(topic));
    }

    public static Schema require(String topic) {
        return schemaOf(topic).orElseThrow(() -> new IllegalArgumentException("not an input topic: " + topic));
    }
}
