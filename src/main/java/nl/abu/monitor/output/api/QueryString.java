package nl.abu.monitor.output.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** The {@code name=value&...} part of a URL, decoded into a map and encoded back. */
final class QueryString {
    private QueryString() {
    }

    /** The parameters of a raw (still encoded) query; null or empty gives none. A repeated name keeps its last value. */
    static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        forEachPair(rawQuery, query::put);
        return query;
    }

    /** Every value of a parameter that may repeat, such as {@code name[]}, in order. */
    static List<String> values(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        forEachPair(rawQuery, (key, value) -> {
            if (key.equals(name)) {
                values.add(value);
            }
        });
        return values;
    }

    private static void forEachPair(String rawQuery, BiConsumer<String, String> action) {
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    action.accept(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** @throws IllegalArgumentException for a malformed %-escape, naming it */
    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed query: '" + s + "' has a bad %-escape");
        }
    }
}
