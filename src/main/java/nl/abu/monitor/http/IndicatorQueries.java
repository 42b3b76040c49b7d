package nl.abu.monitor.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.indicator.IndicatorJson;
import nl.abu.monitor.indicator.IndicatorOrder;
import nl.abu.monitor.indicator.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers {@code GET /api/indicators?period=&indicator=&scope=} and {@code GET /api/indicators/{indicator}/{period}}
 * from this instance's indicator tables.
 */
public final class IndicatorQueries {
    private final KafkaStreams streams;
    private final List<String> totalsStores;
    private final IndicatorValues values;
    private final AsOfDate asOf;
    private final int openYears;

    public record Answer(int status, String json) {
    }

    public IndicatorQueries(KafkaStreams streams, List<String> totalsStores, IndicatorValues values, AsOfDate asOf,
            int openYears) {
        this.streams = streams;
        this.totalsStores = totalsStores;
        this.values = values;
        this.asOf = asOf;
        this.openYears = openYears;
    }

    Answer answer(URI uri) {
        Map<String, String> filter = new HashMap<>(queryOf(uri));
        String[] path = uri.getPath().replaceFirst("^/api/indicators/?", "").split("/");
        if (path.length == 2) {
            filter.put("indicator", path[0]);
            filter.put("period", path[1]);
        } else if (!path[0].isEmpty()) {
            return new Answer(404, "{\"error\": \"use /api/indicators or /api/indicators/{indicator}/{period}\"}\n");
        }
        ReportingCalendar calendar = new ReportingCalendar(asOf.get(), openYears);
        try {
            List<IndicatorValue> rows = new ArrayList<>();
            Predicate<IndicatorValue> wanted = v -> matches(filter, "indicator", v.getIndicator())
                    && matches(filter, "period", v.getPeriod()) && matches(filter, "scope", v.getScope());
            for (String store : totalsStores) {
                ReadOnlyKeyValueStore<String, CellCounts> totals = streams.store(
                        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
                try (KeyValueIterator<String, CellCounts> all = totals.all()) {
                    all.forEachRemaining(kv -> {
                        IndicatorCell cell = IndicatorCell.parse(kv.key);
                        if (!calendar.periods().contains(cell.period())) {
                            return;
                        }
                        IndicatorValue v = values.of(cell, kv.value.getNumerator(), kv.value.getDenominator(),
                                calendar.asOf());
                        if (wanted.test(v)) {
                            rows.add(v);
                        }
                    });
                }
            }
            rows.sort(IndicatorOrder.INSTANCE);
            return new Answer(200, IndicatorJson.toJsonArray(rows));
        } catch (InvalidStateStoreException e) {
            return new Answer(503, "{\"error\": \"the indicator tables are not available yet\"}\n");
        }
    }

    private static boolean matches(Map<String, String> filter, String field, String value) {
        String wanted = filter.get(field);
        return wanted == null || wanted.equals(value);
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
