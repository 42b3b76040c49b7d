package nl.abu.monitor.ingest;

/**
 * Thrown by the validation step so that Kafka Streams' processing exception handler (KIP-1033/1034) routes
 * the source record to the dead-letter topic. Rejections are expected input, so no stack trace is filled.
 */
public final class RecordRejectedException extends RuntimeException {
    private final Rejection rejection;

    public RecordRejectedException(Rejection rejection) {
        super(rejection.reason() + ": " + rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
