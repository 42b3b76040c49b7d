package nl.abu.monitor.ingest;

/**
 * A change of one input key's latest truth (contract section 1): the input topic, the value held before, and the
 * value now. Either value is null when the key had none or was retracted. {@code replaces} says whether the key had a
 * value before: for an input whose versions are held without their values (see {@code KeyedEntityFold}) it is true
 * while {@code before} is null. It passes between processors of one task and is never serialized.
 */
public record InputChange<V>(String topic, V before, V after, boolean replaces) {
}
