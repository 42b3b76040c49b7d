package nl.abu.monitor.tools.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a folder in the layout {@link JsonLinesFolder} reads: one {@code <topic>.jsonl} per input topic, every
 * input topic's file present (possibly empty) so that a written folder is complete. Existing files are replaced.
 */
public final class JsonLinesFolderWriter implements Closeable {

    private final Path folder;
    private final Map<String, JsonLinesWriter> writers = new LinkedHashMap<>();

    private JsonLinesFolderWriter(Path folder) {
        this.folder = folder;
    }

    public static JsonLinesFolderWriter create(Path folder) throws IOException {
        Files.createDirectories(folder);
        JsonLinesFolderWriter writer = new JsonLinesFolderWriter(folder);
        try {
            for (String topic : Topics.INPUTS) {
                writer.writers.put(topic, new JsonLinesWriter(
                        Files.newBufferedWriter(folder.resolve(topic + JsonLinesFolder.EXTENSION), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    public Path folder() {
        return folder;
    }

    /** Appends a record to its topic's file; a null value is written as a tombstone stamped {@code timestamp}. */
    public void write(String topic, String key, SpecificRecord valueOrNull, Instant timestamp) throws IOException {
        JsonLinesWriter writer = writers.get(topic);
        if (writer == null) {
            throw new IllegalArgumentException("not an input topic: " + topic);
        }
        writer.write(key, valueOrNull, timestamp);
    }

    /** Writes out what is buffered, so that a reader of the folder sees every record written so far. */
    public void flush() throws IOException {
        for (JsonLinesWriter writer : writers.values()) {
            writer.flush();
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (JsonLinesWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
