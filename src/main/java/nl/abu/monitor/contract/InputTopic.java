package nl.abu.monitor.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.WorkerStay;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The input topics of contract section 2 and the Avro record type each carries; the one place that says so. In the
 * contract's order: member profiles first, as the other records refer to them.
 */
public enum InputTopic {
    MEMBERS(Topics.MEMBERS, Member.class),
    WORKER_STAYS(Topics.WORKER_STAYS, WorkerStay.class),
    LANGUAGE_ENROLMENTS(Topics.LANGUAGE_ENROLMENTS, LanguageEnrolment.class),
    EURES_PLACEMENTS(Topics.EURES_PLACEMENTS, EuresPlacement.class),
    BRP_REGISTRATIONS(Topics.BRP_REGISTRATIONS, BrpRegistration.class),
    PKS_HOUSING_RATINGS(Topics.PKS_HOUSING_RATINGS, PksHousingRating.class);

    private final String topic;
    private final Class<? extends SpecificRecord> recordType;

    InputTopic(String topic, Class<? extends SpecificRecord> recordType) {
        this.topic = topic;
        this.recordType = recordType;
    }

    /** The topic's name, such as {@code abu.worker-stays.v1}. */
    public String topic() {
        return topic;
    }

    public Class<? extends SpecificRecord> recordType() {
        return recordType;
    }

    /** The schema of the record type, as released (schemas/released). */
    public Schema schema() {
        return SpecificData.get().getSchema(recordType);
    }

    /** Every input topic's name, in the contract's order. */
    public static List<String> topics() {
        return Arrays.stream(values()).map(InputTopic::topic).toList();
    }

    public static Optional<InputTopic> named(String topic) {
        return Arrays.stream(values()).filter(input -> input.topic.equals(topic)).findFirst();
    }

    /** The input topic of this name; {@link IllegalArgumentException} for any other topic. */
    public static InputTopic of(String topic) {
        return named(topic).orElseThrow(() -> new IllegalArgumentException("not an input topic: " + topic));
    }
}
