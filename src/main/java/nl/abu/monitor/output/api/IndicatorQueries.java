package nl.abu.monitor.output.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.output.IndicatorOrder;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers {@code GET /api/indicators?period=&indicator=&scope=} and {@code GET /api/indicators/{indicator}/{period}}
 * over every instance of the application: this one reads its own partitions of the totals stores and asks each
 * other instance, on {@code /api/internal/indicators}, for the partitions the metadata says it hosts. Any part
 * that cannot be read makes the answer a 503: an answer missing some partitions would look complete.
 */
public final class IndicatorQueries {
    /** How long another instance may take to answer; a request waits at most this long for its slowest one. */
    static final Duration INSTANCE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Map<String, Set<String>> storeTopics;
    private final Supplier<IndicatorValues> values;
    private final AsOfDate asOf;
    private final int openYears;
    private final LocalCellTotals local;
    private final RemoteCellTotals remote = new RemoteCellTotals(INSTANCE_TIMEOUT);

    public record Answer(int status, String json) {
    }

    /**
     * @param self this instance's {@code application.server}, to tell its own entry in the metadata
     * @param storeTopics per totals store, the source topics of its sub-topology ({@link StoreSourceTopics})
     */
    public IndicatorQueries(KafkaStreams streams, HostInfo self, Map<String, Set<String>> storeTopics,
            Supplier<IndicatorValues> values, AsOfDate asOf, int openYears) {
        this.streams = streams;
        this.self = self;
        this.storeTopics = Map.copyOf(storeTopics);
        this.values = values;
        this.asOf = asOf;
        this.openYears = openYears;
        this.local = new LocalCellTotals(streams);
    }

    /** @param rawPath the path as sent, %-escapes and all */
    Answer answer(String rawPath, String rawQuery) {
        String[] path = rawPath.replaceFirst("^/api/indicators/?", "").split("/");
        if (path.length > 2 || path.length == 1 && !path[0].isEmpty()) {
            return error(404, "no such path: " + rawPath + "; use /api/indicators?indicator=&period=&scope= or "
                    + "/api/indicators/{indicator}/{period}");
        }
        ReportingCalendar calendar = new ReportingCalendar(asOf.get(), openYears);
        IndicatorFilter filter;
        try {
            Map<String, String> query = new HashMap<>(QueryString.parse(rawQuery));
            if (path.length == 2) {
                if (query.containsKey(IndicatorFilter.INDICATOR) || query.containsKey(IndicatorFilter.PERIOD)) {
                    throw new IllegalArgumentException("the path names the indicator and period; the query may "
                            + "only give the scope");
                }
                query.put(IndicatorFilter.INDICATOR, QueryString.decode(path[0]));
                query.put(IndicatorFilter.PERIOD, QueryString.decode(path[1]));
            }
            filter = IndicatorFilter.checked(query, calendar);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        try {
            List<CellTotal> totals = fromEveryInstance(filter);
            List<IndicatorValue> rows = new ArrayList<>();
            IndicatorValues current = values.get();
            for (CellTotal total : totals) {
                if (calendar.periods().contains(total.cell().period())) {
                    rows.add(current.of(total.cell(), total.numerator(), total.denominator(), calendar.asOf()));
                }
            }
            rows.sort(IndicatorOrder.INSTANCE);
            return new Answer(200, IndicatorJson.toJsonArray(rows));
        } catch (IndicatorsUnavailable e) {
            return error(503, e.getMessage());
        }
    }

    /** {@code /api/internal/indicators}: the raw totals of the partitions asked for, from this instance only. */
    Answer answerInternal(String rawQuery) {
        Map<String, String> query;
        PartitionSelection partitions;
        try {
            query = QueryString.parse(rawQuery);
            partitions = PartitionSelection.of(query);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        try {
            return new Answer(200, CellTotalsJson.write(local.read(partitions, IndicatorFilter.of(query))));
        } catch (IndicatorsUnavailable e) {
            return error(503, "instance " + self + ": " + e.getMessage());
        }
    }

    private List<CellTotal> fromEveryInstance(IndicatorFilter filter) throws IndicatorsUnavailable {
        Map<HostInfo, PartitionSelection> plan;
        try {
            plan = ReadPlan.of(streams.metadataForAllStreamsClients(), storeTopics);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Kafka Streams refuses metadata before it runs and after it stops.
            throw new IndicatorsUnavailable("the indicator tables are not available: " + e.getMessage(), e);
        }
        // Ask the others first, so that they work while this instance reads its own partitions.
        List<CompletableFuture<List<CellTotal>>> others = new ArrayList<>();
        plan.forEach((host, partitions) -> {
            if (!host.equals(self)) {
                others.add(remote.read(host, partitions, filter));
            }
        });
        List<CellTotal> totals = new ArrayList<>();
        if (plan.containsKey(self)) {
            totals.addAll(local.read(plan.get(self), filter));
        }
        for (CompletableFuture<List<CellTotal>> other : others) {
            try {
                totals.addAll(other.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof IndicatorsUnavailable unavailable) {
                    throw unavailable;
                }
                throw e;
            }
        }
        requireEachCellOnce(totals);
        return totals;
    }

    /** The plan gives each partition to one instance; a cell seen twice means a partition was read twice. */
    private static void requireEachCellOnce(List<CellTotal> totals) throws IndicatorsUnavailable {
        Set<String> seen = new HashSet<>();
        for (CellTotal total : totals) {
            if (!seen.add(total.cell().key())) {
                throw new IndicatorsUnavailable("cell " + total.cell().key()
                        + " came from two partitions; the assignment is changing, try again");
            }
        }
    }

    private static Answer error(int status, String message) {
        return new Answer(status, MonitorHttpServer.error(message));
    }
}
