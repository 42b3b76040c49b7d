package nl.abu.monitor.embedded;

/** An embedded service could not be started or did not become ready in time. */
public class EmbeddedStartupException extends RuntimeException {

    public EmbeddedStartupException(String message) {
        super(message);
    }

    public EmbeddedStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
