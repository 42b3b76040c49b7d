package nl.abu.monitor.ingest;

/** Why a record was rejected; carried in the {@code reason} header of the dead-letter topic. */
public enum RejectionReason {
    /** Not in the Confluent wire format, or not decodable Avro. */
    UNDECODABLE,
    /** The schema id is not known to the schema registry. */
    UNKNOWN_SCHEMA_ID,
    /** Written with a schema of another record type than the topic carries. */
    WRONG_SCHEMA,
    /** The record has no key. */
    MISSING_KEY,
    /** The key is not the one the value's own fields give (contract section 2). */
    KEY_MISMATCH,
    /** A workerRef is nine digits passing the BSN eleven-test; the value is never stored or forwarded. */
    LOOKS_LIKE_BSN,
    /** A field does not have the contract's format (memberId, workerRef, municipality, province, country). */
    INVALID_FORMAT,
    /** departureDate lies before arrivalDate. */
    DEPARTURE_BEFORE_ARRIVAL,
    /** A date lies before 2000-01-01 or after the as-of date plus 366 days. */
    DATE_OUT_OF_RANGE,
    /** A number out of its range, e.g. occupants below 1 or a negative rent. */
    INVALID_VALUE,
    /** On a member's own topic, a record of another member (contract 9.1). */
    MEMBER_MISMATCH
}
