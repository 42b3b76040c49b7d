package nl.abu.monitor.tools.simulator;

/**
 * A record with the moment the simulated member system sends it. That is usually its timestamp, but a stale
 * version or a late duplicate is sent well after the time it carries.
 */
public record TimedRecord(long sendAtMillis, SimulatedRecord record) {
}
