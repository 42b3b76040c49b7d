package nl.abu.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PartsFoldTest {

    /** An entity of the test: a map of parts and a flag kept beside it. */
    record Box(Map<String, Integer> parts, boolean flag) {
    }

    /** A record of the test: its entity, and a value (null: no part). */
    record Item(String box, Integer value) {
    }

    private static final EntityParts<Box, Integer> PARTS = new EntityParts<>(Box::parts,
            (held, parts) -> new Box(parts, held != null && held.flag()), box -> box.parts().isEmpty() && !box.flag());

    private final EntityFold<Item, Box> fold = PartsFold.of((key, item) -> item.box(), (key, item) -> key,
            Item::value, PARTS);

    @Test
    void givenANewEntity_whenARecordIsAdded_thenItIsThePartUnderItsKey() {
        Box box = fold.add(null, "k1", new Item("b", 7));

        assertThat(fold.entityOf("k1", new Item("b", 7))).isEqualTo("b");
        assertThat(box).isEqualTo(new Box(Map.of("k1", 7), false));
    }

    @Test
    void givenAHeldEntity_whenARecordIsAdded_thenTheHeldStateIsLeftAsItWas() {
        Box held = new Box(Map.of("k1", 7), true);

        Box next = fold.add(held, "k2", new Item("b", 8));

        assertThat(next).isEqualTo(new Box(Map.of("k1", 7, "k2", 8), true));
        assertThat(held.parts()).containsOnlyKeys("k1");
    }

    @Test
    void givenAPart_whenANewVersionHasNoFacts_thenThePartIsTakenOut() {
        Box held = new Box(Map.of("k1", 7, "k2", 8), false);

        Box next = fold.add(held, "k1", new Item("b", null));

        assertThat(next.parts()).containsExactly(Map.entry("k2", 8));
    }

    @Test
    void givenTheLastPart_whenItIsRemoved_thenTheEntityHoldsNothing() {
        Box next = fold.remove(new Box(Map.of("k1", 7), false), "k1", new Item("b", 7));

        assertThat(fold.isEmpty(next)).isTrue();
        assertThat(fold.isEmpty(new Box(Map.of(), true))).as("the flag is still held").isFalse();
    }

    @Test
    void givenAKeyedFold_whenAVersionIsRemovedByItsKeyAlone_thenItsPartGoes() {
        KeyedEntityFold<Item, Box> keyed = PartsFold.keyed(key -> key.substring(0, key.indexOf('/')),
                key -> key.substring(key.indexOf('/') + 1), Item::value, PARTS);
        Box held = keyed.add(null, "b/REGISTERED", new Item("ignored", 1));

        Box next = keyed.remove(held, "b/REGISTERED");

        assertThat(keyed.entityOf("b/REGISTERED")).isEqualTo("b");
        assertThat(held.parts()).containsExactly(Map.entry("REGISTERED", 1));
        assertThat(keyed.isEmpty(next)).isTrue();
    }

    @Test
    void givenAnOwnEntityFold_whenItsRecordComesAndGoes_thenTheSlotIsSetAndCleared() {
        OwnEntityFold<Integer, Box> own = new OwnEntityFold<>((held, value) -> new Box(
                held == null ? Map.of() : held.parts(), value > 0), held -> new Box(held.parts(), false),
                box -> box.parts().isEmpty() && !box.flag());

        Box set = own.add(null, "b", 1);
        Box cleared = own.remove(set, "b", 1);

        assertThat(own.entityOf("b", 1)).isEqualTo("b");
        assertThat(set.flag()).isTrue();
        assertThat(own.isEmpty(cleared)).isTrue();
    }
}
