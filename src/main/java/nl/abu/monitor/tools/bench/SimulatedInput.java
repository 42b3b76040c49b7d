package nl.abu.monitor.tools.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.tools.simulator.DisturbanceRates;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulatedRecord;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.TimedRecord;

/**
 * The simulated member events of the bench, from one simulation, in send order: what is published before the
 * pipeline starts (the backfill of each year) and what the live load sends after it.
 *
 * <p>Sized by {@code --events} (one year, no {@code --scale}): the simulation of {@link BenchOptions#YEAR} is
 * scaled to give enough records, the backfill is its first {@code events} records and the live load the ones after.
 * Sized by scale: one simulation from 1 January of the first year on, in which members, workers and their stays
 * carry on from one year into the next; a year's backfill is every record sent in that calendar year
 * (Europe/Amsterdam), and the live load goes on into the following year.
 */
final class SimulatedInput {
    /** Records per unit of scale, measured: scale 0.01 gave 17,063 records, scale 0.1 gave 168,557. */
    static final double RECORDS_PER_SCALE = 1_685_000;
    // The count varies with the seed; the margin makes sure that many records exist. The records left over are
    // those sent last, in December.
    private static final double MARGIN = 1.05;

    private final Iterator<TimedRecord> timeline;
    private final double scale;
    private final Long events;
    private TimedRecord next;

    private SimulatedInput(MemberEventSimulator simulation, Long events) {
        this.timeline = simulation.timeline();
        this.scale = simulation.config().scale();
        this.events = events;
    }

    static SimulatedInput of(BenchOptions options) {
        if (options.scale() == null && options.years() == 1) {
            long live = (long) options.rate() * options.liveSeconds();
            double scale = (options.events() + live) * MARGIN / RECORDS_PER_SCALE;
            return new SimulatedInput(new MemberEventSimulator(SimulationConfig.year(options.seed(), scale,
                    BenchOptions.YEAR)), options.events());
        }
        double scale = options.scale() != null ? options.scale() : options.events() / RECORDS_PER_SCALE;
        // Several years have no live phase, so the simulation ends with the last one.
        LocalDate until = options.years() > 1 ? BenchOptions.endOf(BenchOptions.YEAR) : null;
        return new SimulatedInput(new MemberEventSimulator(new SimulationConfig(options.seed(), scale,
                LocalDate.of(options.firstYear(), 1, 1), until, DisturbanceRates.defaults())), null);
    }

    /** The scale the simulation runs at. */
    double scale() {
        return scale;
    }

    /** The records to publish before the pipeline processes {@code year}; each call goes on where the last ended. */
    Iterator<SimulatedRecord> backfill(int year) {
        return events != null ? first(events) : sentUpTo(year);
    }

    /** The records after the backfill, for the live load. */
    Iterator<SimulatedRecord> live() {
        return sentUpTo(Integer.MAX_VALUE);
    }

    private Iterator<SimulatedRecord> first(long count) {
        return new Iterator<>() {
            private long handedOut;

            @Override
            public boolean hasNext() {
                return handedOut < count;
            }

            @Override
            public SimulatedRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (peek() == null) {
                    throw new IllegalStateException("The simulation gave only " + handedOut + " records, not " + count);
                }
                handedOut++;
                return take();
            }
        };
    }

    private Iterator<SimulatedRecord> sentUpTo(int lastYear) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null && yearOf(peek()) <= lastYear;
            }

            @Override
            public SimulatedRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return take();
            }
        };
    }

    private TimedRecord peek() {
        if (next == null && timeline.hasNext()) {
            next = timeline.next();
        }
        return next;
    }

    private SimulatedRecord take() {
        SimulatedRecord record = peek().record();
        next = null;
        return record;
    }

    private static int yearOf(TimedRecord record) {
        return Instant.ofEpochMilli(record.sendAtMillis()).atZone(AsOfDate.PLAN_ZONE).getYear();
    }
}
