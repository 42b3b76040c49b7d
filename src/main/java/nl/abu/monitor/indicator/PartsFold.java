package nl.abu.monitor.indicator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The fold of most families: each record is one part of its entity, kept in one of the entity's maps under a part
 * key. A record whose facts are null (a cancelled placement) makes no part, so a new version of it takes its part
 * out.
 *
 * @param <I> the input record
 * @param <A> the entity's state
 * @param <F> what the entity keeps of a record
 */
public class PartsFold<I, A, F> implements EntityFold<I, A> {
    private final BiFunction<String, I, String> entityOf;
    private final BiFunction<String, I, String> partOf;
    private final Function<I, F> factsOf;
    private final EntityParts<A, F> parts;

    private PartsFold(BiFunction<String, I, String> entityOf, BiFunction<String, I, String> partOf,
            Function<I, F> factsOf, EntityParts<A, F> parts) {
        this.entityOf = entityOf;
        this.partOf = partOf;
        this.factsOf = factsOf;
        this.parts = parts;
    }

    /**
     * @param entityOf the entity of a record, from its input key and value
     * @param partOf the key of the record's part within the entity
     * @param factsOf what the entity keeps of the record, or null for no part
     */
    public static <I, A, F> EntityFold<I, A> of(BiFunction<String, I, String> entityOf,
            BiFunction<String, I, String> partOf, Function<I, F> factsOf, EntityParts<A, F> parts) {
        return new PartsFold<>(entityOf, partOf, factsOf, parts);
    }

    /** As {@link #of}, for records whose entity and part the input key alone names, so versions need no values. */
    public static <I, A, F> KeyedEntityFold<I, A> keyed(UnaryOperator<String> entityOf, UnaryOperator<String> partOf,
            Function<I, F> factsOf, EntityParts<A, F> parts) {
        return new Keyed<>(entityOf, partOf, factsOf, parts);
    }

    @Override
    public String entityOf(String inputKey, I record) {
        return entityOf.apply(inputKey, record);
    }

    @Override
    public A add(A held, String inputKey, I record) {
        Map<String, F> next = new HashMap<>(parts.of(held));
        F facts = factsOf.apply(record);
        String part = partOf.apply(inputKey, record);
        if (facts == null) {
            next.remove(part);
        } else {
            next.put(part, facts);
        }
        return parts.with().apply(held, next);
    }

    @Override
    public A remove(A held, String inputKey, I record) {
        return without(held, partOf.apply(inputKey, record));
    }

    A without(A held, String part) {
        Map<String, F> next = new HashMap<>(parts.of(held));
        next.remove(part);
        return parts.with().apply(held, next);
    }

    @Override
    public boolean isEmpty(A state) {
        return parts.holdsNothing().test(state);
    }

    private static final class Keyed<I, A, F> extends PartsFold<I, A, F> implements KeyedEntityFold<I, A> {
        private final UnaryOperator<String> entityOf;
        private final UnaryOperator<String> partOf;

        Keyed(UnaryOperator<String> entityOf, UnaryOperator<String> partOf, Function<I, F> factsOf,
                EntityParts<A, F> parts) {
            super((key, record) -> entityOf.apply(key), (key, record) -> partOf.apply(key), factsOf, parts);
            this.entityOf = entityOf;
            this.partOf = partOf;
        }

        @Override
        public String entityOf(String inputKey) {
            return entityOf.apply(inputKey);
        }

        @Override
        public A remove(A held, String inputKey) {
            return without(held, partOf.apply(inputKey));
        }
    }
}
