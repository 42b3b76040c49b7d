package nl.abu.monitor.tools.embedded;

/** An embedded service could not be started or did not become ready in time. */
public class EmbeddedStartupException extends RuntimeException {

    private final boolean portInUse;

    public EmbeddedStartupException(String message) {
        this(message, false);
    }

    public EmbeddedStartupException(String message, Throwable cause) {
        super(message, cause);
        this.portInUse = false;
    }

    EmbeddedStartupException(String message, boolean portInUse) {
        super(message);
        this.portInUse = portInUse;
    }

    /** The service died because a port it was to listen on was taken. */
    public boolean portInUse() {
        return portInUse;
    }
}
