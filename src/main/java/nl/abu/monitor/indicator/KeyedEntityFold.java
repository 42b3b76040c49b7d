package nl.abu.monitor.indicator;

/**
 * A fold whose records' entity, and the part of it a record makes, are named by the input key alone (a stay's
 * registration of one kind, a member's profile). For an input whose every fold is keyed, and whose records count for
 * good (so they are never pruned), the held versions need not keep their values: a version replaced or retracted is
 * taken out of its entity by its key. That is most of the state a BRP registration leaves behind.
 */
public interface KeyedEntityFold<I, A> extends EntityFold<I, A> {
    /** The key of the entity of the record with this input key. */
    String entityOf(String inputKey);

    /** The entity's state without the part of the record with this input key, or null if nothing is left. */
    A remove(A held, String inputKey);

    @Override
    default String entityOf(String inputKey, I record) {
        return entityOf(inputKey);
    }

    @Override
    default A remove(A held, String inputKey, I record) {
        return remove(held, inputKey);
    }
}
