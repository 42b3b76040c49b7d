package nl.abu.monitor.tools.bench;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.simulator.SimulatedRecord;

/**
 * Produces the simulation's next records at a steady rate, on a thread of its own, each stamped with the wall clock
 * at send. EURES placements are left out: the {@link MetricsProbes} are then the only records that change the
 * probed cell.
 */
final class LiveLoad implements AutoCloseable {
    private final Publisher publisher;
    private final Iterator<SimulatedRecord> records;
    private final int rate;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sent;
    private volatile Throwable failure;
    private long startedNanos;
    private long stoppedNanos;
    private boolean closed;

    LiveLoad(String bootstrapServers, Map<String, ?> serdeConfig, Iterator<SimulatedRecord> records, int rate) {
        // A member system sends as it goes: a short linger, not the backfill's batching.
        this.publisher = new Publisher(bootstrapServers, serdeConfig, Map.of("linger.ms", 5));
        this.records = records;
        this.rate = rate;
        this.thread = new Thread(this::run, "bench-live-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        startedNanos = System.nanoTime();
        try {
            while (running && records.hasNext()) {
                long due = (System.nanoTime() - startedNanos) * rate / TimeUnit.SECONDS.toNanos(1);
                while (sent < due && running && records.hasNext()) {
                    SimulatedRecord r = records.next();
                    if (!r.topic().equals(Topics.EURES_PLACEMENTS)) {
                        publisher.send(r.topic(), r.key(), r.value(), System.currentTimeMillis());
                        sent++;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            stoppedNanos = System.nanoTime();
        }
    }

    long sent() {
        return sent;
    }

    /** Records per second actually sent. */
    double achievedRate() {
        return sent / ((stoppedNanos - startedNanos) / 1e9);
    }

    /** Stops sending and flushes what was sent. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        thread.join(30_000);
        publisher.flush();
        publisher.close();
        if (failure != null) {
            throw new IllegalStateException("The live load failed: " + failure.getMessage(), failure);
        }
    }
}
