package nl.abu.monitor.tools.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.abu.monitor.contract.InputTopic;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads one topic's JSON-lines file (contract section 7) line by line into {@link ParsedRecord}s and
 * {@link LineError}s. Only the record's shape is checked here; business validation is the ingest's job.
 */
public final class JsonLinesReader {

    static final String KEY = "key";
    static final String VALUE = "value";
    static final String RECORDED_AT = "recordedAt";
    private static final Set<String> LINE_FIELDS = Set.of(KEY, VALUE, RECORDED_AT);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String topic;
    private final Schema schema;
    private final Schema.Field recordedAtField;

    private JsonLinesReader(String topic, Schema schema) {
        this.topic = topic;
        this.schema = schema;
        this.recordedAtField = schema.getField(RECORDED_AT);
        if (recordedAtField == null) {
            throw new IllegalArgumentException(schema.getFullName() + " has no recordedAt field");
        }
    }

    /** A reader for one of {@code Topics.INPUTS}. */
    public static JsonLinesReader forTopic(String topic) {
        return new JsonLinesReader(topic, InputTopic.of(topic).schema());
    }

    public String topic() {
        return topic;
    }

    /** The conventional file name of this reader's topic, {@code <topic>.jsonl}. */
    public String fileName() {
        return topic + JsonLinesFolder.EXTENSION;
    }

    /**
     * Streams the file's non-blank lines lazily, so a file of millions of lines is never held in memory.
     * Close the stream (try-with-resources) to close the file.
     */
    public Stream<JsonLine> read(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return read(file.getFileName().toString(), reader);
    }

    /** Streams the lines of an already opened reader; closing the stream closes the reader. */
    public Stream<JsonLine> read(String fileName, BufferedReader reader) {
        Iterator<JsonLine> lines = new LineIterator(fileName, reader);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Parses one line; a blank line is the caller's to skip. */
    public JsonLine parseLine(String fileName, long lineNumber, String text) {
        try {
            return toRecord(fileName, lineNumber, text);
        } catch (InvalidLineException e) {
            return new LineError(fileName, lineNumber, e.getMessage());
        }
    }

    private ParsedRecord toRecord(String fileName, long lineNumber, String text) throws InvalidLineException {
        JsonNode line = parseJson(text);
        if (!line.isObject()) {
            throw new InvalidLineException("a line must be a JSON object, got " + AvroJsonMapping.describe(line));
        }
        for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LINE_FIELDS.contains(name)) {
                throw new InvalidLineException("unknown top-level field '" + name + "'");
            }
        }
        String key = readKey(line.get(KEY));
        Instant lineRecordedAt = readLineRecordedAt(line.get(RECORDED_AT));
        JsonNode valueNode = line.get(VALUE);
        if (valueNode == null) {
            throw new InvalidLineException("missing 'value' (null for a tombstone)");
        }
        if (valueNode.isNull()) {
            if (lineRecordedAt == null) {
                throw new InvalidLineException("tombstone without recordedAt");
            }
            return new ParsedRecord(fileName, lineNumber, topic, key, null, lineRecordedAt);
        }
        if (!valueNode.isObject()) {
            throw new InvalidLineException("value must be an object or null, got " + AvroJsonMapping.describe(valueNode));
        }
        SpecificRecord value = AvroJsonMapping.toRecord(valueNode, schema);
        Instant recordedAt = (Instant) value.get(recordedAtField.pos());
        if (lineRecordedAt != null && !lineRecordedAt.equals(recordedAt)) {
            throw new InvalidLineException("top-level recordedAt differs from the value's recordedAt");
        }
        return new ParsedRecord(fileName, lineNumber, topic, key, value, recordedAt);
    }

    private static JsonNode parseJson(String text) throws InvalidLineException {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode node = JSON.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InvalidLineException("not JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            boolean duplicate = detail != null && detail.startsWith("Duplicate field");
            throw new InvalidLineException(duplicate ? "not JSON: " + detail : "not JSON");
        } catch (IOException e) {
            throw new InvalidLineException("not JSON");
        }
    }

    private static String readKey(JsonNode key) throws InvalidLineException {
        if (key == null) {
            throw new InvalidLineException("missing key");
        }
        if (!key.isTextual()) {
            throw new InvalidLineException("key must be a string");
        }
        return key.textValue();
    }

    private static Instant readLineRecordedAt(JsonNode recordedAt) throws InvalidLineException {
        if (recordedAt == null || recordedAt.isNull()) {
            return null;
        }
        try {
            return AvroJsonMapping.readInstant(recordedAt).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (InvalidLineException e) {
            throw new InvalidLineException("recordedAt: " + e.getMessage());
        }
    }

    /** Pulls physical lines one at a time, numbering them from 1 and skipping blank ones. */
    private final class LineIterator implements Iterator<JsonLine> {
        private final String fileName;
        private final BufferedReader reader;
        private long lineNumber;
        private JsonLine next;
        private boolean done;

        LineIterator(String fileName, BufferedReader reader) {
            this.fileName = fileName;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                String text = readPhysicalLine();
                if (text == null) {
                    done = true;
                } else {
                    lineNumber++;
                    if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                        text = text.substring(1); // a byte-order mark left by some editors
                    }
                    if (!text.isBlank()) {
                        next = parseLine(fileName, lineNumber, text);
                    }
                }
            }
            return next != null;
        }

        @Override
        public JsonLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonLine line = next;
            next = null;
            return line;
        }

        private String readPhysicalLine() {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(fileName + ":" + (lineNumber + 1) + ": cannot read", e);
            }
        }
    }
}
