package nl.abu.monitor.tools.simulator;

import java.time.Instant;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Copies of values with one field changed, by field name, so noise works the same for every record type. */
final class RecordCopies {

    static final String RECORDED_AT = "recordedAt";

    private RecordCopies() {
    }

    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> T copy(T value) {
        return (T) SpecificData.getForClass(value.getClass()).deepCopy(value.getSchema(), value);
    }

    static <T extends SpecificRecord> T with(T value, String field, Object fieldValue) {
        T copy = copy(value);
        set(copy, field, fieldValue);
        return copy;
    }

    static void set(SpecificRecord value, String field, Object fieldValue) {
        value.put(value.getSchema().getField(field).pos(), fieldValue);
    }

    static boolean has(SpecificRecord value, String field) {
        return value.getSchema().getField(field) != null;
    }

    static Object get(SpecificRecord value, String field) {
        return value.get(value.getSchema().getField(field).pos());
    }

    static Instant recordedAt(SpecificRecord value) {
        return (Instant) get(value, RECORDED_AT);
    }
}
