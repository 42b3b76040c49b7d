package nl.abu.monitor.ingest;

/**
 * A change of one input key's latest truth (contract section 1): the value held before, and the value now. Either
 * is null when the key had no value or was retracted. It passes between processors of one task and is never
 * serialized.
 */
public record EntityChange<V>(V before, V after) {
}
