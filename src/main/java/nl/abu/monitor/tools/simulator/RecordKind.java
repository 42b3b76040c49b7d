package nl.abu.monitor.tools.simulator;

/** Why the simulator sent a record, so tests and demos can tell clean data from the noise it mixes in. */
public enum RecordKind {
    /** A regular version of an entity, as a member's system would send it. */
    ORIGINAL,
    /** A newer version that changes a field of an earlier one. */
    CORRECTION,
    /** An exact resend of a version already sent. */
    DUPLICATE,
    /** A version older than one already sent, arriving after it; the pipeline must ignore it. */
    STALE,
    /** A retraction of the entity (null value). */
    TOMBSTONE,
    /** A record the contract's validity rules reject (BSN as workerRef, bad municipality, key mismatch, ...). */
    INVALID;

    /** Whether the contract's validity rules accept the record. */
    public boolean isValid() {
        return this != INVALID;
    }
}
