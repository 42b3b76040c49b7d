package nl.abu.monitor.ingest;

import java.util.Map;
import java.util.Set;

/**
 * Which members' feedback topics ({@code abu.member.<memberId>.rejected.v1}, contract 9.2) exist. A dead letter is
 * copied only to one that exists: a producer that writes to a missing topic blocks the stream thread for a minute
 * and then fails. The ABU creates a member's topics when it admits the member ({@code TopicSetup}).
 */
public interface FeedbackTopics {
    /** The key under which Kafka Streams hands the exception handlers this instance's view, in their configs. */
    String CONFIG_KEY = "monitor.ingest.feedback.topics";

    /** No feedback topic: every dead letter goes to the shared dead-letter topic only. */
    FeedbackTopics NONE = topic -> false;

    boolean exists(String topic);

    /** A fixed set, for tests and replays. */
    static FeedbackTopics of(Set<String> topics) {
        Set<String> copy = Set.copyOf(topics);
        return copy::contains;
    }

    static FeedbackTopics from(Map<String, ?> configs) {
        return configs.get(CONFIG_KEY) instanceof FeedbackTopics topics ? topics : NONE;
    }
}
