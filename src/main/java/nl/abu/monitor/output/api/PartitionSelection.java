package nl.abu.monitor.output.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The partitions of each totals store one instance is asked to read: those it hosts actively, and (only where no
 * instance hosts a partition actively) those it hosts as a standby. The asking instance gives every partition to
 * exactly one instance, so no cell is counted twice.
 */
record PartitionSelection(Map<String, Set<Integer>> active, Map<String, Set<Integer>> standby) {
    static final String ACTIVE = "active";
    static final String STANDBY = "standby";

    PartitionSelection {
        active = sortedCopy(active);
        standby = sortedCopy(standby);
    }

    /** As query parameters: {@code active=store-a:0,2;store-b:1&standby=store-a:1}. */
    Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(ACTIVE, encode(active));
        query.put(STANDBY, encode(standby));
        return query;
    }

    static PartitionSelection of(Map<String, String> query) {
        return new PartitionSelection(decode(query.getOrDefault(ACTIVE, "")), decode(query.getOrDefault(STANDBY, "")));
    }

    private static String encode(Map<String, Set<Integer>> partitions) {
        return partitions.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    private static Map<String, Set<Integer>> decode(String text) {
        Map<String, Set<Integer>> partitions = new TreeMap<>();
        for (String store : text.split(";")) {
            if (store.isEmpty()) {
                continue;
            }
            int colon = store.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not store:partition,...: " + store);
            }
            partitions.put(store.substring(0, colon), Arrays.stream(store.substring(colon + 1).split(","))
                    .filter(p -> !p.isEmpty()).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new)));
        }
        return partitions;
    }

    private static Map<String, Set<Integer>> sortedCopy(Map<String, Set<Integer>> partitions) {
        Map<String, Set<Integer>> copy = new TreeMap<>();
        partitions.forEach((store, ps) -> {
            if (!ps.isEmpty()) {
                copy.put(store, new TreeSet<>(ps));
            }
        });
        return copy;
    }
}
