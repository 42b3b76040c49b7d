package nl.abu.monitor.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The figures of a bench run: a table for people and JSON for tools. */
interface Report {
    String table();

    Map<String, Object> json();

    default void writeJson(Path file) throws IOException {
        // Jackson writes the null of a figure that was not measured (e.g. the floor with --no-floor) as null.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
    }
}
