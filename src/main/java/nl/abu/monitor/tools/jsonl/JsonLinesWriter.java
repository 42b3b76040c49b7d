package nl.abu.monitor.tools.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/** Writes records as JSON lines in the format {@link JsonLinesReader} reads (contract section 7). */
public final class JsonLinesWriter implements Closeable, Flushable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;

    public JsonLinesWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes a value line; {@code value} must not be null (use {@link #writeTombstone}). */
    public void write(String key, SpecificRecord value) throws IOException {
        out.write(line(key, value));
        out.write('\n');
    }

    public void writeTombstone(String key, Instant recordedAt) throws IOException {
        out.write(tombstoneLine(key, recordedAt));
        out.write('\n');
    }

    /** Writes a value line, or a tombstone line stamped with {@code timestamp} when value is null. */
    public void write(String key, SpecificRecord valueOrNull, Instant timestamp) throws IOException {
        if (valueOrNull == null) {
            writeTombstone(key, timestamp);
        } else {
            write(key, valueOrNull);
        }
    }

    /** One value line without the line break, e.g. {@code {"key": "M0001", "value": {...}}}. */
    public static String line(String key, SpecificRecord value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value (use tombstoneLine for a tombstone)");
        return render(json -> {
            json.writeStringField(JsonLinesReader.KEY, key);
            json.writeFieldName(JsonLinesReader.VALUE);
            AvroJsonMapping.writeRecord(json, value);
        });
    }

    /** One tombstone line without the line break: a null value and the retraction time at the top level. */
    public static String tombstoneLine(String key, Instant recordedAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recordedAt, "recordedAt");
        return render(json -> {
            json.writeStringField(JsonLinesReader.KEY, key);
            json.writeNullField(JsonLinesReader.VALUE);
            json.writeStringField(JsonLinesReader.RECORDED_AT, DateTimeFormatter.ISO_INSTANT.format(recordedAt));
        });
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String render(Body body) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
