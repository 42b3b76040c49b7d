package nl.abu.monitor.contract;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A topic a record arrived on: an input's shared topic, or a member's own topic of it (contract 9.1).
 *
 * @param input the input the topic carries
 * @param member the member whose own topic it is; empty for the shared topic
 */
public record SourceTopic(InputTopic input, Optional<String> member) {
    /** A memberId, as it may stand in a topic name (contract section 2's format). */
    static final String MEMBER_ID = "[A-Za-z0-9-]{1,32}";

    /** The input and member of a topic name; empty for a topic that no input arrives on. */
    public static Optional<SourceTopic> of(String topic) {
        for (InputTopic input : InputTopic.values()) {
            Matcher matcher = input.sources().matcher(topic);
            if (matcher.matches()) {
                return Optional.of(new SourceTopic(input, Optional.ofNullable(
                        matcher.groupCount() > 0 ? matcher.group(1) : null)));
            }
        }
        return Optional.empty();
    }

    /** The shared topic of the input, for tag values from a bounded set: {@code abu.worker-stays.v1}. */
    public String sharedTopic() {
        return input.topic();
    }
}
