package nl.abu.monitor.tools.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plausible edits of a value's descriptive fields, chosen by field name so any record type with such a field gets
 * them. Fields that later versions change themselves (status, startedOn, departureDate) are never edited here.
 */
final class FieldChanges {

    record Change(String field, Object value) {
        void applyTo(SpecificRecord record) {
            RecordCopies.set(record, field, value);
        }
    }

    private record Editor(String field, BiFunction<Object, RandomSource, Object> newValue) {
    }

    private static final List<Editor> EDITORS = List.of(
            new Editor("municipality", (old, random) -> random.pick(ReferenceData.MUNICIPALITIES)),
            new Editor("sector", (old, random) -> random.pick(ReferenceData.SECTORS)),
            new Editor("nationality", (old, random) -> random.pick(ReferenceData.NATIONALITIES)),
            new Editor("originCountry", (old, random) -> random.pick(ReferenceData.NATIONALITIES)),
            new Editor("province", (old, random) -> random.pick(ReferenceData.PROVINCES)),
            new Editor("name", (old, random) -> old + " Groep"),
            new Editor("fairEmploymentCode", (old, random) -> !(Boolean) old),
            new Editor("duringWorkingHours", (old, random) -> !(Boolean) old),
            new Editor("doorzaamSubsidy", (old, random) -> !(Boolean) old),
            new Editor("effectiveDate", (old, random) -> ((LocalDate) old).plusDays(random.chance(0.5) ? 1 : 2)),
            new Editor("pksPoints", (old, random) -> Math.max(0, (Integer) old + random.between(-20, 20))),
            new Editor("occupants", (old, random) -> random.between(1, 8)),
            new Editor("weeklyRentCents", (old, random) -> Math.max(0L, (Long) old - random.between(100, 900))));

    private FieldChanges() {
    }

    /** A change of one descriptive field to a different value; every input type has at least one such field. */
    static Change pick(SpecificRecord value, RandomSource random) {
        List<Editor> applicable = new ArrayList<>();
        for (Editor editor : EDITORS) {
            if (RecordCopies.has(value, editor.field())) {
                applicable.add(editor);
            }
        }
        if (applicable.isEmpty()) {
            throw new IllegalArgumentException("no editable field in " + value.getSchema().getName());
        }
        Editor editor = random.pick(applicable);
        Object old = RecordCopies.get(value, editor.field());
        Object changed = editor.newValue().apply(old, random);
        for (int attempt = 0; attempt < 5 && Objects.equals(changed, old); attempt++) {
            changed = editor.newValue().apply(old, random);
        }
        return new Change(editor.field(), changed);
    }
}
