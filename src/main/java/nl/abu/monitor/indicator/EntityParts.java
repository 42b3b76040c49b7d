package nl.abu.monitor.indicator;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One map of parts in an entity's state (a worker's stays, a member's placement dates, a unit's ratings): how to read
 * it, the state with another map in its place, and when the whole state holds nothing.
 *
 * @param get the map of a held state
 * @param with the state with this map in place of its own; the held state is null for a new entity
 * @param holdsNothing whether the whole state, not only this map, is empty
 * @param <A> the entity's state
 * @param <F> what the state keeps of one part
 */
public record EntityParts<A, F>(Function<A, Map<String, F>> get, BiFunction<A, Map<String, F>, A> with,
        Predicate<A> holdsNothing) {

    /** The map of {@code held}; empty for a new entity (null). */
    public Map<String, F> of(A held) {
        return held == null ? Map.of() : get.apply(held);
    }
}
