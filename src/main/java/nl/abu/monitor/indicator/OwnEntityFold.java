package nl.abu.monitor.indicator;

import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A fold for records that are their own entity, or one side of it (a stay of {@code brp-stays}, a member's profile of
 * {@code eures-members}): the entity's key is the input key, and the record fills one slot of the state.
 *
 * @param set the state with the record in its slot; the held state is null for a new entity
 * @param clear the state with its slot empty, or null if nothing is left
 * @param holdsNothing whether the whole state is empty
 */
public record OwnEntityFold<I, A>(BiFunction<A, I, A> set, UnaryOperator<A> clear, Predicate<A> holdsNothing)
        implements KeyedEntityFold<I, A> {

    @Override
    public String entityOf(String inputKey) {
        return inputKey;
    }

    @Override
    public A add(A held, String inputKey, I record) {
        return set.apply(held, record);
    }

    @Override
    public A remove(A held, String inputKey) {
        return clear.apply(held);
    }

    @Override
    public boolean isEmpty(A state) {
        return holdsNothing.test(state);
    }
}
