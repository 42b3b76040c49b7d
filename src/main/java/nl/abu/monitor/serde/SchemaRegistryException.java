package nl.abu.monitor.serde;

import org.apache.kafka.common.KafkaException;

/**
 * The registry answered with an error that retrying will not cure, e.g. an incompatible schema
 * (409) or a subject that has no such schema (404, 40401/40403 on a lookup).
 */
public class SchemaRegistryException extends KafkaException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message + " (HTTP " + httpStatus + ", error code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
