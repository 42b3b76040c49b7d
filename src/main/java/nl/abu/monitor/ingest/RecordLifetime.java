package nl.abu.monitor.ingest;

import java.time.LocalDate;
import java.util.Collection;

/**
 * How long a version of an input record can matter: the last day of a period in which its own facts can make an
 * entity count (a stay's departure, a placement's date), or null when there is no such day (a stay still going on,
 * an enrolment that makes its worker trained for good). Once every open period starts after that day, the version
 * can be pruned: it can no longer change any reported value.
 */
@FunctionalInterface
public interface RecordLifetime<V> {
    /** For records that can matter in any period, however old. */
    RecordLifetime<Object> FOREVER = record -> null;
    /** For records whose facts make them count nowhere, whatever the date (a cancelled placement). */
    LocalDate NEVER_COUNTS = LocalDate.MIN;

    /** The last day on which this version can make its entity count, or null if it can on any day. */
    LocalDate lastDay(V record);

    /** The lifetime of a record read by several rules: the longest of theirs. */
    @SuppressWarnings("unchecked")
    static <V> RecordLifetime<V> longestOf(Collection<? extends RecordLifetime<?>> lifetimes) {
        return record -> {
            LocalDate longest = NEVER_COUNTS;
            for (RecordLifetime<?> lifetime : lifetimes) {
                LocalDate last = ((RecordLifetime<V>) lifetime).lastDay(record);
                if (last == null) {
                    return null;
                }
                longest = last.isAfter(longest) ? last : longest;
            }
            return longest;
        };
    }
}
