package nl.abu.monitor.indicator;

import java.util.List;
import nl.abu.monitor.ingest.RecordLifetime;

/**
 * An indicator family, described once: the entities it counts (a worker, a stay, a member, a housing unit, a
 * placement), kept in one store; how the changes of each of its inputs fold into them; and where an entity counts,
 * its cell rule. {@link FamilyTopology} builds a family's part of the topology from this alone.
 *
 * @param name the family's name, the prefix of its nodes and stores
 * @param entityStore the store of its entities, keyed by entity
 * @param inputs its inputs, each with the fold of its records into the entities
 * @param rule where an entity's state counts
 * @param <A> the entity's state
 */
public record Family<A>(String name, String entityStore, List<Input<?, A>> inputs, CellRule<A> rule) {

    public Family {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a family needs an input");
        }
        if (Indicator.ofFamily(name).isEmpty()) {
            throw new IllegalArgumentException("no indicator names " + name + " as its family");
        }
    }

    /** The indicators its cell rule counts. */
    public List<Indicator> indicators() {
        return Indicator.ofFamily(name);
    }

    /** The store of the family's indicator table, keyed {@code indicator|period|scope}. */
    public String totalsStore() {
        return totalsStoreOf(name);
    }

    /** The store of the indicator table of the family of this name. */
    public static String totalsStoreOf(String family) {
        return family + "-cell-totals";
    }

    /**
     * One input of a family: its topic, how its records make up the entities' states, and how long a record can
     * make its entity count (so that it can be pruned once every open period starts later).
     */
    public record Input<I, A>(String topic, EntityFold<I, A> fold, RecordLifetime<? super I> lifetime) {
    }

    /** An input whose records can make their entity count in any period, however old. */
    public static <I, A> Input<I, A> input(String topic, EntityFold<I, A> fold) {
        return new Input<>(topic, fold, RecordLifetime.FOREVER);
    }

    public static <I, A> Input<I, A> input(String topic, EntityFold<I, A> fold, RecordLifetime<? super I> lifetime) {
        return new Input<>(topic, fold, lifetime);
    }
}
