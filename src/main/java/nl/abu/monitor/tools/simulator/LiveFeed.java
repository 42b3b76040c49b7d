package nl.abu.monitor.tools.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Hands out an endless simulation as time goes by, for the {@code demo} command: every call returns the records
 * whose send time has come, at most {@code maxRecords} at a time, so the caller sets the pace. Start the
 * simulation some days before the current date ({@link SimulationConfig#live}) to have history at once; pass a
 * sped-up clock to see more than the few records a minute a real-time national scale gives.
 */
public final class LiveFeed {

    private final Iterator<TimedRecord> timeline;
    private TimedRecord pending;

    public LiveFeed(MemberEventSimulator simulator) {
        this.timeline = simulator.timeline();
    }

    /** The records due at {@code now} and not handed out yet, oldest first, at most {@code maxRecords}. */
    public List<SimulatedRecord> due(Instant now, int maxRecords) {
        List<SimulatedRecord> due = new ArrayList<>(Math.min(maxRecords, 1_024));
        long nowMillis = now.toEpochMilli();
        while (due.size() < maxRecords && peek() != null && pending.sendAtMillis() <= nowMillis) {
            due.add(pending.record());
            pending = null;
        }
        return due;
    }

    /** When the next record becomes due; empty when a bounded simulation is exhausted. */
    public Optional<Instant> nextDueAt() {
        return Optional.ofNullable(peek()).map(record -> Instant.ofEpochMilli(record.sendAtMillis()));
    }

    private TimedRecord peek() {
        if (pending == null && timeline.hasNext()) {
            pending = timeline.next();
        }
        return pending;
    }
}
