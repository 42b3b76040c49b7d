package nl.abu.monitor.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that cannot be turned into a value. Extends Kafka's {@link SerializationException} so
 * deserialization exception handlers treat it as a poison record; {@link #reason()} tells them why
 * in a form fit for a dead-letter header or a metric tag.
 */
public abstract class AvroSerdeException extends SerializationException {

    /** Why a record was refused. */
    public enum Reason {
        /** Not in wire format, or its Avro bytes do not decode with the writer's schema. */
        UNDECODABLE,
        /** The schema id in the record is not known to the registry. */
        UNKNOWN_SCHEMA_ID,
        /** The record was written with the schema of another record type. */
        WRONG_SCHEMA
    }

    private final Reason reason;

    protected AvroSerdeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
