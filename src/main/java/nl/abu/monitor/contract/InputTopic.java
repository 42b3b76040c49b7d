package nl.abu.monitor.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    private static final Map<String, InputTopic> BY_TOPIC = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(InputTopic::topic, input -> input));

    private final String topic;
    private final Class<? extends SpecificRecord> recordType;
    private final Pattern sources;

    InputTopic(String topic, Class<? extends SpecificRecord> recordType) {
        this.topic = topic;
        this.recordType = recordType;
        // abu.member.<memberId> in place of abu: the same name and version for a member's own topic.
        String memberTopics = "abu\\.member\\.(" + SourceTopic.MEMBER_ID + ")" + Pattern.quote(topic.substring(3));
        this.sources = Pattern.compile(Pattern.quote(topic) + (hasMemberTopics() ? "|" + memberTopics : ""));
    }

    /** The topic's name, such as {@code abu.worker-stays.v1}. */
    public String topic() {
        return topic;
    }

    /** {@code worker-stays} for {@code abu.worker-stays.v1}: the prefix of every node and store of this input. */
    public String shortName() {
        return topic.replaceFirst("^abu\\.", "").replaceFirst("\\.v\\d+$", "");
    }

    /** Whether each member has its own topic of this input (contract 9.1): every input but the members topic. */
    public boolean hasMemberTopics() {
        return !topic.equals(Topics.MEMBERS);
    }

    /** A member's own topic of this input, {@code abu.member.<memberId>.<name>.v1}. */
    public String memberTopic(String memberId) {
        if (!hasMemberTopics()) {
            throw new IllegalArgumentException(topic + " is the ABU's own: members have no topic of it");
        }
        if (!ContractFormats.isMemberId(memberId)) {
            throw new IllegalArgumentException("not a memberId: 1-32 characters [A-Za-z0-9-]");
        }
        return topic.replaceFirst("^abu\\.", "abu.member." + memberId + ".");
    }

    /** Every topic this input arrives on: the shared one and, where members have their own, all of theirs. */
    public Pattern sources() {
        return sources;
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
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }

    /** The input topic of this name; {@link IllegalArgumentException} for any other topic. */
    public static InputTopic of(String topic) {
        return named(topic).orElseThrow(() -> new IllegalArgumentException("not an input topic: " + topic));
    }
}
