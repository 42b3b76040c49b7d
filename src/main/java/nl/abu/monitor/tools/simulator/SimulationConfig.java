package nl.abu.monitor.tools.simulator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate.
 *
 * @param seed  the same seed (and other settings) gives the same records
 * @param scale 1.0 is about a national year: about 460,000 migrants arriving per 365 days, about 1.7 million records
 * @param from  the first simulated day: arrivals start here; member profiles are sent at its start
 * @param until the last simulated day (events after it are not sent), or null to go on without end (live)
 * @param rates how much noise to mix in
 */
public record SimulationConfig(long seed, double scale, LocalDate from, LocalDate until, DisturbanceRates rates) {

    public SimulationConfig {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(rates, "rates");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("until " + until + " is before from " + from);
        }
    }

    /** One calendar year with the default noise rates. */
    public static SimulationConfig year(long seed, double scale, int year) {
        return new SimulationConfig(seed, scale, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                DisturbanceRates.defaults());
    }

    /** An endless simulation that starts {@code historyDays} before {@code currentDate}, for live demos. */
    public static SimulationConfig live(long seed, double scale, LocalDate currentDate, int historyDays) {
        return new SimulationConfig(seed, scale, currentDate.minusDays(historyDays), null, DisturbanceRates.defaults());
    }

    public SimulationConfig withRates(DisturbanceRates newRates) {
        return new SimulationConfig(seed, scale, from, until, newRates);
    }

    public boolean isEndless() {
        return until == null;
    }
}
