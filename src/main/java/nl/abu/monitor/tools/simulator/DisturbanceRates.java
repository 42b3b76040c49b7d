package nl.abu.monitor.tools.simulator;

/**
 * How often the simulator mixes in the imperfections real member systems produce, each as a fraction of the
 * regular versions (0.02 = about one per fifty). {@code lateMember} is the fraction of member profiles that
 * arrive only after data that refers to them.
 */
public record DisturbanceRates(double correction, double duplicate, double stale, double tombstone, double invalid,
                               double lateMember) {

    public DisturbanceRates {
        for (double rate : new double[] {correction, duplicate, stale, tombstone, invalid, lateMember}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("a rate is a fraction between 0 and 1: " + rate);
            }
        }
    }

    public static DisturbanceRates defaults() {
        return new DisturbanceRates(0.02, 0.02, 0.02, 0.02, 0.02, 0.03);
    }

    /** Only clean, regular versions: no corrections, duplicates, stale versions, tombstones or invalid records. */
    public static DisturbanceRates none() {
        return new DisturbanceRates(0, 0, 0, 0, 0, 0);
    }
}
