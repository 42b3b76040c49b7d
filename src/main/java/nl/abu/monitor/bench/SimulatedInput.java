package nl.abu.monitor.bench;

import java.util.Iterator;
import nl.abu.monitor.simulator.MemberEventSimulator;
import nl.abu.monitor.simulator.SimulatedRecord;
import nl.abu.monitor.simulator.SimulationConfig;

/** The simulated member events of the bench: a year of {@link BenchOptions#YEAR} sized to give enough records. */
final class SimulatedInput {
    /** Records per unit of scale, measured: scale 0.01 gave 17,063 records, scale 0.1 gave 168,557. */
    static final double RECORDS_PER_SCALE = 1_685_000;
    // The count varies with the seed; the margin makes sure that many records exist. The records left over are
    // those sent last, in December.
    private static final double MARGIN = 1.05;

    private SimulatedInput() {
    }

    /**
     * At least {@code records} records of the year, in send order. The simulation is lazy: it holds only records
     * generated and not yet sent.
     */
    static Iterator<SimulatedRecord> records(long seed, long records) {
        double scale = records * MARGIN / RECORDS_PER_SCALE;
        return new MemberEventSimulator(SimulationConfig.year(seed, scale, BenchOptions.YEAR)).iterator();
    }
}
