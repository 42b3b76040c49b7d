package nl.abu.monitor.cli;

/** A configuration the user gave cannot be used; its message says which key, where it was set, and what is allowed. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
