package nl.abu.monitor.tools.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps between the plain JSON of contract section 7 and Avro SpecificRecords, driven by the record's schema
 * so that a field added to a schema needs no code here. Unlike Avro's own JSON encoding, unions are not wrapped:
 * a union with null is an optional field that may be null or absent, dates are {@code YYYY-MM-DD}, timestamps are
 * ISO-8601 instants with a zone offset and enums are their symbol names. Error messages name the field and the
 * rule, never the value: a value in the wrong field may be a BSN (PrivacyRunIT found enum, date and timestamp
 * values echoed on {@code publish}'s stderr).
 */
final class AvroJsonMapping {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private AvroJsonMapping() {
    }

    // ---------------------------------------------------------------- JSON -> Avro

    static SpecificRecord toRecord(JsonNode json, Schema schema) throws InvalidLineException {
        return (SpecificRecord) readRecord(json, schema, modelFor(schema));
    }

    private static SpecificData modelFor(Schema schema) {
        Class<?> type = SpecificData.get().getClass(schema);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("no generated SpecificRecord class for " + schema.getFullName());
        }
        // The generated class's own model knows its logical-type conversions (LocalDate, Instant).
        return SpecificData.getForClass(type);
    }

    private static IndexedRecord readRecord(JsonNode json, Schema schema, SpecificData model)
            throws InvalidLineException {
        if (!json.isObject()) {
            throw new InvalidLineException("expected an object, got " + describe(json));
        }
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode node = json.get(field.name());
            record.put(field.pos(), readField(field, node, model));
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (schema.getField(name) == null) {
                throw new InvalidLineException("unknown field '" + name + "'");
            }
        }
        return record;
    }

    private static Object readField(Schema.Field field, JsonNode node, SpecificData model)
            throws InvalidLineException {
        boolean absent = node == null || node.isMissingNode();
        if (absent || node.isNull()) {
            if (acceptsNull(field.schema())) {
                return null;
            }
            if (absent && field.hasDefaultValue()) {
                return model.deepCopy(field.schema(), model.getDefaultValue(field));
            }
            throw new InvalidLineException(absent
                    ? "missing required field '" + field.name() + "'"
                    : "required field '" + field.name() + "' is null");
        }
        try {
            return readValue(node, field.schema(), model);
        } catch (InvalidLineException e) {
            throw e.inField(field.name());
        }
    }

    private static boolean acceptsNull(Schema schema) {
        return schema.getType() == Schema.Type.NULL || (schema.isUnion() && schema.isNullable());
    }

    private static Object readValue(JsonNode node, Schema schema, SpecificData model) throws InvalidLineException {
        if (node.isNull()) {
            if (acceptsNull(schema)) {
                return null;
            }
            throw new InvalidLineException("must not be null");
        }
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null) {
            switch (logicalType.getName()) {
                case "date":
                    return readDate(node);
                case "timestamp-millis":
                    return readInstant(node).truncatedTo(ChronoUnit.MILLIS);
                case "timestamp-micros":
                    return readInstant(node).truncatedTo(ChronoUnit.MICROS);
                default:
                    break; // represented by its underlying type
            }
        }
        switch (schema.getType()) {
            case UNION:
                return readUnion(node, schema, model);
            case STRING:
                requireThat(node.isTextual(), "expected a string", node);
                return node.textValue();
            case BOOLEAN:
                requireThat(node.isBoolean(), "expected true or false", node);
                return node.booleanValue();
            case INT:
                requireThat(node.isIntegralNumber(), "expected an int", node);
                requireThat(node.canConvertToInt(), "int out of range", node);
                return node.intValue();
            case LONG:
                requireThat(node.isIntegralNumber(), "expected a long", node);
                requireThat(node.canConvertToLong(), "long out of range", node);
                return node.longValue();
            case FLOAT:
                requireThat(node.isNumber(), "expected a number", node);
                return node.floatValue();
            case DOUBLE:
                requireThat(node.isNumber(), "expected a number", node);
                return node.doubleValue();
            case ENUM:
                return readEnum(node, schema, model);
            case RECORD:
                return readRecord(node, schema, model);
            case ARRAY:
                return readArray(node, schema, model);
            case MAP:
                return readMap(node, schema, model);
            case BYTES:
                requireThat(node.isTextual(), "expected base64 text", node);
                return ByteBuffer.wrap(decodeBase64(node.textValue()));
            default:
                throw new InvalidLineException("unsupported Avro type " + schema.getType());
        }
    }

    private static Object readUnion(JsonNode node, Schema union, SpecificData model) throws InvalidLineException {
        InvalidLineException firstProblem = null;
        for (Schema branch : union.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                continue;
            }
            try {
                return readValue(node, branch, model);
            } catch (InvalidLineException e) {
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        throw firstProblem != null ? firstProblem : new InvalidLineException("must be null");
    }

    private static Object readEnum(JsonNode node, Schema schema, SpecificData model) throws InvalidLineException {
        requireThat(node.isTextual(), "expected a symbol of " + schema.getName(), node);
        String symbol = node.textValue();
        // Sector has an Avro default for schema evolution, but an unknown symbol in JSON input is an invalid line.
        if (!schema.hasEnumSymbol(symbol)) {
            throw new InvalidLineException("unknown symbol, expected one of " + String.join(", ", schema.getEnumSymbols()));
        }
        return model.createEnum(symbol, schema);
    }

    private static List<Object> readArray(JsonNode node, Schema schema, SpecificData model)
            throws InvalidLineException {
        requireThat(node.isArray(), "expected an array", node);
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            try {
                items.add(readValue(node.get(i), schema.getElementType(), model));
            } catch (InvalidLineException e) {
                throw e.inField("[" + i + "]");
            }
        }
        return items;
    }

    private static Map<String, Object> readMap(JsonNode node, Schema schema, SpecificData model)
            throws InvalidLineException {
        requireThat(node.isObject(), "expected an object", node);
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                entries.put(entry.getKey(), readValue(entry.getValue(), schema.getValueType(), model));
            } catch (InvalidLineException e) {
                throw e.inField(entry.getKey());
            }
        }
        return entries;
    }

    static LocalDate readDate(JsonNode node) throws InvalidLineException {
        requireThat(node.isTextual(), "expected a date YYYY-MM-DD", node);
        String text = node.textValue();
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // falls through to the common message: a day that does not exist, like 2025-02-30
            }
        }
        throw new InvalidLineException("not a date YYYY-MM-DD");
    }

    static Instant readInstant(JsonNode node) throws InvalidLineException {
        requireThat(node.isTextual(), "expected an ISO-8601 instant with a zone offset", node);
        String text = node.textValue();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidLineException("not an ISO-8601 instant with a zone offset");
        }
    }

    private static byte[] decodeBase64(String text) throws InvalidLineException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidLineException("not base64");
        }
    }

    private static void requireThat(boolean ok, String expectation, JsonNode actual) throws InvalidLineException {
        if (!ok) {
            // Only the JSON type, never the value: a wrongly typed workerRef may be a BSN.
            throw new InvalidLineException(expectation + ", got " + describe(actual));
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case STRING: return "a string";
            case NUMBER: return node.isIntegralNumber() ? "an integer" : "a fraction";
            case BOOLEAN: return "a boolean";
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case NULL: return "null";
            default: return node.getNodeType().toString().toLowerCase();
        }
    }

    // ---------------------------------------------------------------- Avro -> JSON

    static void writeRecord(JsonGenerator out, IndexedRecord record) throws IOException {
        out.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            out.writeFieldName(field.name());
            writeValue(out, record.get(field.pos()));
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>) {
            out.writeString(value.toString());
        } else if (value instanceof LocalDate date) {
            out.writeString(date.format(DateTimeFormatter.ISO_LOCAL_DATE));
        } else if (value instanceof Instant instant) {
            out.writeString(DateTimeFormatter.ISO_INSTANT.format(instant));
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Float number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof IndexedRecord nested) {
            writeRecord(out, nested);
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                writeValue(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> entries) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                out.writeFieldName(entry.getKey().toString());
                writeValue(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            out.writeString(Base64.getEncoder().encodeToString(raw));
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }
}
