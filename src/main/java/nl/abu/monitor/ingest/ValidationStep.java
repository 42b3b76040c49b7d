package nl.abu.monitor.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.SourceTopic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Applies the contract's validity rules, and on a member's own topic (contract 9.1) the rule that the record is that
 * member's. A violation is thrown, so that the processing exception handler sends the record's original bytes to the
 * dead-letter topic and the pipeline carries on.
 */
final class ValidationStep<V extends SpecificRecord> implements FixedKeyProcessor<String, V, V> {
    private final String topic;
    private final RecordValidator validator;
    private final Map<String, Optional<String>> memberOfSource = new HashMap<>();
    private FixedKeyProcessorContext<String, V> context;

    ValidationStep(String topic, RecordValidator validator) {
        this.topic = topic;
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        Optional<Rejection> rejection = validator.validate(topic, record.key(), record.value());
        if (rejection.isEmpty()) {
            rejection = memberMismatch(record.key());
        }
        rejection.ifPresent(r -> {
            throw new RecordRejectedException(r);
        });
        context.forward(record);
    }

    /** A valid key begins with its record's memberId (it is built from the value's fields), tombstone or not. */
    private Optional<Rejection> memberMismatch(String key) {
        String source = context.recordMetadata().map(RecordMetadata::topic).orElse(topic);
        Optional<String> member = memberOfSource.computeIfAbsent(source,
                s -> SourceTopic.of(s).flatMap(SourceTopic::member));
        if (member.isPresent() && !member.get().equals(EntityKeys.memberOf(key))) {
            return Optional.of(new Rejection(RejectionReason.MEMBER_MISMATCH,
                    "memberId: a member's own topic carries that member's records only (contract 9.1)"));
        }
        return Optional.empty();
    }
}
