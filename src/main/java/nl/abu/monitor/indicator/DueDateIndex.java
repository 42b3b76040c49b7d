package nl.abu.monitor.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A family's entities by the next date of their own facts on which their cells may change, in a store keyed
 * {@code YYYY-MM-DD|entity} (ISO dates sort as text, so a range scan finds what is due), and the month whose start
 * was last handled, under a key no date has.
 */
final class DueDateIndex {
    private static final String FIRST = "0000";
    /** Index keys begin with a date: no key is like this one, and it sorts before them all. */
    static final String SCANNED_MONTH_KEY = "\u0000scanned-month";

    private final KeyValueStore<String, String> store;

    DueDateIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Moves the entity from one date to another; either may be null. Nothing is written when they are the same. */
    void move(String entity, LocalDate from, LocalDate to) {
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            store.delete(key(from, entity));
        }
        if (to != null) {
            store.put(key(to, entity), entity);
        }
    }

    /** The entities due on or before {@code date}. */
    List<String> dueBy(LocalDate date) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(FIRST, date + "|\uffff")) {
            it.forEachRemaining(kv -> due.add(kv.value));
        }
        return due;
    }

    boolean isScanned(YearMonth month) {
        return month.toString().equals(store.get(SCANNED_MONTH_KEY));
    }

    void markScanned(YearMonth month) {
        store.put(SCANNED_MONTH_KEY, month.toString());
    }

    private static String key(LocalDate date, String entity) {
        return date + "|" + entity;
    }
}
