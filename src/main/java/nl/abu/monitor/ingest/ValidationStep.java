package nl.abu.monitor.ingest;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Applies the contract's validity rules to each record, for the topic it came from: the input's shared topic or a
 * member's own one (contract 9.1). A violation is thrown, so that the processing exception handler sends the
 * record's original bytes to the dead-letter topic and the pipeline carries on.
 */
final class ValidationStep<V extends SpecificRecord> implements FixedKeyProcessor<String, V, V> {
    private final String topic;
    private final RecordValidator validator;
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
        String source = context.recordMetadata().map(RecordMetadata::topic).orElse(topic);
        validator.validate(source, record.key(), record.value()).ifPresent(rejection -> {
            throw new RecordRejectedException(rejection);
        });
        context.forward(record);
    }
}
