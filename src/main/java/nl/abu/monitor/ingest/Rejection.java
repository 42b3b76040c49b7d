package nl.abu.monitor.ingest;

/**
 * A contract violation. The detail names the rule and the field, never the offending value: a value may
 * be a BSN or another personal datum.
 */
public record Rejection(RejectionReason reason, String detail) {
}
