package nl.abu.monitor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.abu.monitor.contract.ContractFormats;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.SourceTopic;
import nl.abu.monitor.contract.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the records of the dead-letter topic {@code abu.rejected.v1}, and their copies on the members' feedback
 * topics: the source record's own key and value bytes, with headers that say why and where it came from. A value
 * with a BSN in its workerRef and a key with a BSN-like part are left out: the source coordinates still let the
 * member find the record in its own system.
 */
public final class DeadLetters {
    public static final String REASON = "reason";
    public static final String DETAIL = "reason.detail";
    public static final String SOURCE_TOPIC = "source.topic";
    public static final String SOURCE_PARTITION = "source.partition";
    public static final String SOURCE_OFFSET = "source.offset";
    /** Present when the source record's key was left out because a part of it looks like a BSN. */
    public static final String KEY_DROPPED = "key.dropped";

    private final String deadLetterTopic;
    private final IngestCounters counters;
    private final FeedbackTopics feedbackTopics;

    private DeadLetters(String deadLetterTopic, IngestCounters counters, FeedbackTopics feedbackTopics) {
        this.deadLetterTopic = deadLetterTopic;
        this.feedbackTopics = feedbackTopics;
        this.counters = counters;
    }

    /** The dead-letter topic and counters that Kafka Streams hands an exception handler in its configs. */
    static DeadLetters from(java.util.Map<String, ?> configs) {
        Object topic = configs.get(org.apache.kafka.streams.StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return new DeadLetters(topic == null ? Topics.REJECTED : topic.toString(),
                IngestCounters.from(configs), FeedbackTopics.from(configs));
    }

    /**
     * Counts a rejected source record and builds its dead letters: one for the dead-letter topic, and a copy for the
     * feedback topic of the member it can be tied to, where that topic exists (contract 9.2).
     *
     * @param decoded the record's value as far as it was decoded, or null
     */
    List<ProducerRecord<byte[], byte[]>> reject(ErrorHandlerContext context, byte[] key, byte[] value, Object decoded,
            RejectionReason reason, String detail) {
        // Tagged by the shared topic, a member's own topic too: tag values come from a bounded set.
        counters.rejected(SourceTopic.of(context.topic()).map(SourceTopic::sharedTopic).orElse(context.topic()),
                reason);
        ProducerRecord<byte[], byte[]> deadLetter = deadLetter(context, key, value, reason, detail);
        Optional<String> feedback = memberOf(context.topic(), key, decoded).map(Topics::memberRejected)
                .filter(feedbackTopics::exists);
        return feedback.map(topic -> List.of(deadLetter, new ProducerRecord<>(topic, null, deadLetter.timestamp(),
                deadLetter.key(), deadLetter.value(), new RecordHeaders(deadLetter.headers().toArray()))))
                .orElse(List.of(deadLetter));
    }

    /**
     * The member a rejected record belongs to: the member of its topic, or else the memberId in its key or its
     * value. A memberId that could be a BSN is no one's: it would end up in a topic name.
     */
    static Optional<String> memberOf(String sourceTopic, byte[] key, Object decoded) {
        Optional<String> byTopic = SourceTopic.of(sourceTopic).flatMap(SourceTopic::member);
        if (byTopic.isPresent()) {
            return byTopic;
        }
        return Optional.ofNullable(key).map(k -> EntityKeys.memberOf(new String(k, StandardCharsets.UTF_8)))
                .filter(DeadLetters::couldBeMember)
                .or(() -> memberIdOf(decoded).filter(DeadLetters::couldBeMember));
    }

    private static Optional<String> memberIdOf(Object decoded) {
        if (decoded instanceof SpecificRecord record && record.getSchema().getField("memberId") != null) {
            return Optional.ofNullable(record.get(record.getSchema().getField("memberId").pos())).map(String::valueOf);
        }
        return Optional.empty();
    }

    private static boolean couldBeMember(String id) {
        return ContractFormats.isMemberId(id) && !ContractFormats.looksLikeBsn(id);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
            RejectionReason reason, String detail) {
        Headers headers = new RecordHeaders();
        headers.add(REASON, utf8(reason.name()));
        headers.add(DETAIL, utf8(detail));
        headers.add(SOURCE_TOPIC, utf8(context.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(context.offset())));
        // A BSN must never be stored or forwarded: of such a record only the key and the reason travel on.
        byte[] keptValue = reason == RejectionReason.LOOKS_LIKE_BSN ? null : value;
        byte[] keptKey = key;
        if (keyLooksLikeBsn(key)) {
            keptKey = null;
            headers.add(KEY_DROPPED, utf8("a part of the key is nine digits passing the BSN eleven-test"));
        }
        return new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), keptKey, keptValue, headers);
    }

    private static boolean keyLooksLikeBsn(byte[] key) {
        if (key == null) {
            return false;
        }
        for (String part : new String(key, StandardCharsets.UTF_8).split(EntityKeys.SEPARATOR, -1)) {
            if (ContractFormats.looksLikeBsn(part)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
