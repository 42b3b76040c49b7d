package nl.abu.monitor.indicator;

/**
 * How the records of one input make up the state of the entities an indicator family counts (a worker, a stay, a
 * member, a housing unit): the adder and subtractor of a DSL {@code groupBy().aggregate()}. The functions must
 * not change the state they are given, so that an unchanged entity can be recognised and left alone.
 *
 * @param <I> the input record
 * @param <A> the entity's state
 */
public interface EntityFold<I, A> {
    /** The key of the entity the record belongs to; it must begin with the record's memberId. */
    String entityOf(String inputKey, I record);

    /** The entity's state with the record in it; {@code held} is null for an entity not seen before. */
    A add(A held, String inputKey, I record);

    /** The entity's state without the record, or null if nothing is left. */
    A remove(A held, String inputKey, I record);

    /** Whether the state holds nothing any more, so that the entity can be forgotten. */
    boolean isEmpty(A state);
}
