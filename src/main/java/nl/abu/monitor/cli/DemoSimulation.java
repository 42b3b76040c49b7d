package nl.abu.monitor.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.simulator.LiveFeed;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulatedRecord;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes simulated member events for the demo: the history since the start of last year at a fast pace, so
 * that every period has data within minutes, then new events as they become due in real time.
 */
final class DemoSimulation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulation.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final int MAX_PER_TICK = 2_000;

    private final Publisher publisher;
    private final LiveFeed feed;
    private final Instant simulationStart;
    private final double speedup;
    private final Thread thread;
    private volatile boolean running = true;
    private long published;

    DemoSimulation(Publisher publisher, long seed, double scale, Duration historyCatchUp) {
        LocalDate today = AsOfDate.today(java.time.Clock.systemUTC()).get();
        LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
        int historyDays = (int) (today.toEpochDay() - from.toEpochDay());
        this.publisher = publisher;
        this.feed = new LiveFeed(new MemberEventSimulator(SimulationConfig.live(seed, scale, today, historyDays)));
        this.simulationStart = from.atStartOfDay(AsOfDate.PLAN_ZONE).toInstant();
        this.speedup = Math.max(1.0,
                (double) Duration.between(simulationStart, Instant.now()).toMillis() / historyCatchUp.toMillis());
        this.thread = new Thread(this::run, "demo-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Instant realStart = Instant.now();
        try {
            while (running) {
                Instant now = Instant.now();
                long simulatedMillis = (long) (Duration.between(realStart, now).toMillis() * speedup);
                Instant simulatedNow = simulationStart.plusMillis(simulatedMillis);
                List<SimulatedRecord> due = feed.due(simulatedNow.isAfter(now) ? now : simulatedNow, MAX_PER_TICK);
                for (SimulatedRecord r : due) {
                    publisher.send(r.topic(), r.key(), r.value(), r.timestampMillis());
                }
                published += due.size();
                if (due.size() < MAX_PER_TICK) {
                    Thread.sleep(TICK.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("The demo simulator stopped", e);
            }
        }
    }

    long published() {
        return published;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        publisher.close();
    }
}
