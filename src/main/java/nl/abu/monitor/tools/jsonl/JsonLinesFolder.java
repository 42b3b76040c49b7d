package nl.abu.monitor.tools.jsonl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.abu.monitor.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of JSON-lines input (contract section 7): one {@code <topic>.jsonl} per input topic. Files of known
 * topics are read in the order of {@link Topics#INPUTS}, so member profiles come before the data that refers to
 * them; a missing topic file simply has no records; any other file is reported and not read.
 */
public final class JsonLinesFolder {

    public static final String EXTENSION = ".jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFolder.class);

    private final Path folder;
    private final List<Path> topicFiles;
    private final List<String> unknownFiles;

    private JsonLinesFolder(Path folder, List<Path> topicFiles, List<String> unknownFiles) {
        this.folder = folder;
        this.topicFiles = topicFiles;
        this.unknownFiles = unknownFiles;
    }

    public static JsonLinesFolder open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        Set<String> present;
        try (Stream<Path> entries = Files.list(folder)) {
            present = entries.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        List<Path> topicFiles = new ArrayList<>();
        for (String topic : Topics.INPUTS) {
            if (present.remove(topic + EXTENSION)) {
                topicFiles.add(folder.resolve(topic + EXTENSION));
            }
        }
        List<String> unknown = List.copyOf(present);
        if (!unknown.isEmpty()) {
            LOG.warn("Ignoring {} file(s) in {} that are not <input topic>.jsonl: {}", unknown.size(), folder, unknown);
        }
        return new JsonLinesFolder(folder, List.copyOf(topicFiles), unknown);
    }

    public Path folder() {
        return folder;
    }

    /** The files that will be read, in the order of {@link Topics#INPUTS}. */
    public List<Path> topicFiles() {
        return topicFiles;
    }

    /** Names of files in the folder that are not an input topic's file; they are not read. */
    public List<String> unknownFiles() {
        return Collections.unmodifiableList(unknownFiles);
    }

    /** All lines of all topic files, file after file, lazily. Close the stream to close the open file. */
    public Stream<JsonLine> lines() {
        return topicFiles.stream().flatMap(JsonLinesFolder::linesOf);
    }

    private static Stream<JsonLine> linesOf(Path file) {
        String name = file.getFileName().toString();
        String topic = name.substring(0, name.length() - EXTENSION.length());
        try {
            return JsonLinesReader.forTopic(topic).read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }
}
