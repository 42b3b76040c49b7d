package nl.abu.monitor.output.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.Period;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the indicators of the current periods (the month, quarter and year that contain the as-of date) as
 * Prometheus gauges, from the cells this instance holds (see {@link LocalActiveCellTotals}):
 * {@code abu_indicator_value}, {@code _numerator}, {@code _denominator} (only where the value is not null),
 * {@code _target}, {@code _expected} (only where a target applies) and {@code abu_indicator_status} (one series per
 * status: 1 for the cell's status, 0 for the others). Labels: {@code indicator}, {@code period},
 * {@code period_kind} ({@code year|quarter|month}), {@code scope} and, on the status, {@code status}; all from
 * bounded sets.
 *
 * <p>The values are those of {@link IndicatorValues}, as on the output topic and the API. The rows are computed
 * anew on every refresh and registered with {@code overwrite}: a cell no longer current or no longer held here
 * loses its series. While the totals cannot be read (a rebalance) the last rows stay.
 */
public final class IndicatorGauges implements AutoCloseable {
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);

    static final String VALUE = "abu_indicator_value";
    static final String NUMERATOR = "abu_indicator_numerator";
    static final String DENOMINATOR = "abu_indicator_denominator";
    static final String TARGET = "abu_indicator_target";
    static final String EXPECTED = "abu_indicator_expected";
    static final String STATUS = "abu_indicator_status";

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorGauges.class);

    private final CellTotalsSource source;
    private final Supplier<Targets> targets;
    private final int minimumCellSize;
    private final AsOfDate asOf;
    private final MultiGauge value;
    private final MultiGauge numerator;
    private final MultiGauge denominator;
    private final MultiGauge target;
    private final MultiGauge expected;
    private final MultiGauge status;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "indicator-gauges");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    /**
     * @param targets the targets in force, asked on every refresh (they may change at run time)
     */
    public IndicatorGauges(MeterRegistry registry, CellTotalsSource source, Supplier<Targets> targets,
            int minimumCellSize, AsOfDate asOf) {
        this.source = source;
        this.targets = targets;
        this.minimumCellSize = minimumCellSize;
        this.asOf = asOf;
        this.value = gauge(registry, VALUE, "Indicator value of a current period (ratio, count or mean)");
        this.numerator = gauge(registry, NUMERATOR, "Indicator numerator (count, or sum for the mean)");
        this.denominator = gauge(registry, DENOMINATOR, "Indicator denominator (ratios and the mean)");
        this.target = gauge(registry, TARGET, "Indicator target, where one applies to the period");
        this.expected = gauge(registry, EXPECTED,
                "Value the status is judged against: the target for ratios, pro rata for counts");
        this.status = gauge(registry, STATUS, "1 for the indicator's current status, 0 for the other statuses");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /**
     * Gauges of the active cells of this instance's Kafka Streams, refreshed every {@code interval}. Call
     * {@link #refreshSoon()} when it reaches RUNNING (after its start and after every rebalance).
     */
    public static IndicatorGauges startFor(KafkaStreams streams, MeterRegistry registry, Supplier<Targets> targets,
            int minimumCellSize, AsOfDate asOf, Duration interval) {
        IndicatorGauges gauges = new IndicatorGauges(registry,
                new LocalActiveCellTotals(streams, Families.totalsStores()), targets, minimumCellSize, asOf);
        gauges.start(interval);
        return gauges;
    }

    /** Refreshes every {@code interval} from now on, the first time at once. */
    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::refreshLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Refreshes as soon as possible on the gauges' own thread (for example when the pipeline reaches RUNNING). */
    public void refreshSoon() {
        try {
            scheduler.execute(this::refreshLogged);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // An exception would end the schedule: log it and try again next time.
            LOG.warn("Refreshing the indicator gauges failed", e);
        }
    }

    /**
     * Reads the totals and replaces the rows of every gauge.
     * @return false when the totals could not be read, and the last rows were kept
     */
    public synchronized boolean refresh() {
        if (closed) {
            return false;
        }
        List<CellTotalsSource.CellTotal> totals;
        try {
            totals = source.read();
        } catch (CellTotalsSource.Unavailable e) {
            LOG.debug("Indicator gauges not refreshed, the last values stay: {}", e.getMessage());
            return false;
        }
        LocalDate today = asOf.get();
        Set<Period> current = Set.copyOf(currentPeriods(today));
        IndicatorValues values = new IndicatorValues(targets.get(), minimumCellSize);
        Rows rows = new Rows();
        for (CellTotalsSource.CellTotal total : totals) {
            if (current.contains(total.cell().period())) {
                rows.add(total.cell().period(), values.of(total.cell(), total.numerator(), total.denominator(), today));
            }
        }
        value.register(rows.value, true);
        numerator.register(rows.numerator, true);
        denominator.register(rows.denominator, true);
        target.register(rows.target, true);
        expected.register(rows.expected, true);
        status.register(rows.status, true);
        return true;
    }

    /** The periods exported for an as-of date: the month, the quarter and the year that contain it. */
    public static List<Period> currentPeriods(LocalDate asOf) {
        int year = asOf.getYear();
        return List.of(Period.year(year), Period.quarter(year, (asOf.getMonthValue() - 1) / 3 + 1),
                Period.month(year, asOf.getMonthValue()));
    }

    private static final class Rows {
        final List<MultiGauge.Row<?>> value = new ArrayList<>();
        final List<MultiGauge.Row<?>> numerator = new ArrayList<>();
        final List<MultiGauge.Row<?>> denominator = new ArrayList<>();
        final List<MultiGauge.Row<?>> target = new ArrayList<>();
        final List<MultiGauge.Row<?>> expected = new ArrayList<>();
        final List<MultiGauge.Row<?>> status = new ArrayList<>();

        void add(Period period, IndicatorValue row) {
            Tags tags = Tags.of("indicator", row.getIndicator(), "period", row.getPeriod(), "period_kind",
                    period.kind().name().toLowerCase(Locale.ROOT), "scope", row.getScope());
            if (row.getValue() != null) {
                value.add(MultiGauge.Row.of(tags, row.getValue()));
                if (row.getNumerator() != null) {
                    numerator.add(MultiGauge.Row.of(tags, row.getNumerator()));
                }
                if (row.getDenominator() != null) {
                    denominator.add(MultiGauge.Row.of(tags, row.getDenominator()));
                }
            }
            if (row.getTarget() != null) {
                target.add(MultiGauge.Row.of(tags, row.getTarget()));
            }
            if (row.getExpected() != null) {
                expected.add(MultiGauge.Row.of(tags, row.getExpected()));
            }
            for (IndicatorStatus each : IndicatorStatus.values()) {
                status.add(MultiGauge.Row.of(tags.and("status", each.name()), each == row.getStatus() ? 1 : 0));
            }
        }
    }

    /** Stops refreshing and removes every series. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        synchronized (this) {
            closed = true;
            for (MultiGauge gauge : List.of(value, numerator, denominator, target, expected, status)) {
                gauge.register(List.of(), true);
            }
        }
    }
}
