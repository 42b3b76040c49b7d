package nl.abu.monitor.schemas;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the Avro contract (see {@code schemas/released/README.md}): every current schema is BACKWARD compatible
 * with its released version (a reader with the current schema reads data written with the released one), every
 * current schema has been released, and the generated classes carry exactly the current schemas.
 */
class SchemaCompatibilityTest {

    /** Surefire runs the tests in the project's base directory. */
    private static final Path SCHEMAS = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("schemas");
    private static final Path RELEASED = SCHEMAS.resolve("released");
    private static final List<String> GENERATED_PACKAGES = List.of("nl.abu.monitor.events", "nl.abu.monitor.state");

    /** A named schema and the file that defines it. */
    record SchemaFile(Path file, Schema schema) {
        String fullName() {
            return schema.getFullName();
        }

        @Override
        public String toString() {
            return display(file) + " (" + fullName() + ")";
        }
    }

    /** A file relative to the project, if it is in it. */
    private static String display(Path file) {
        Path base = SCHEMAS.getParent();
        return String.valueOf(file.startsWith(base) ? base.relativize(file) : file);
    }

    // ---------------------------------------------------------------------------------------------- the contract

    @Test
    void givenTheReleasedSchemas_whenReadWithTheCurrentOnes_thenEveryCurrentSchemaIsBackwardCompatible() {
        // given
        Map<String, SchemaFile> released = parseInDependencyOrder(schemaFiles(RELEASED, null));
        Map<String, SchemaFile> current = parseInDependencyOrder(schemaFiles(SCHEMAS, RELEASED));

        // when
        List<String> problems = backwardIncompatibilities(current, released);

        // then
        assertThat(released).as("released schemas in %s", RELEASED).isNotEmpty();
        assertThat(problems)
                .as("schemas that break readers of released data (see schemas/released/README.md)")
                .isEmpty();
    }

    @Test
    void givenTheCurrentSchemas_whenLookingForTheirReleasedVersions_thenEveryOneHasBeenReleased() {
        // given
        Map<String, SchemaFile> released = parseInDependencyOrder(schemaFiles(RELEASED, null));
        Map<String, SchemaFile> current = parseInDependencyOrder(schemaFiles(SCHEMAS, RELEASED));

        // when
        List<String> unreleased = unreleased(current, released);

        // then
        assertThat(unreleased)
                .as("current schemas without a released version: release a new schema deliberately by copying it "
                        + "to schemas/released/ (see its README.md)")
                .isEmpty();
    }

    @Test
    void givenTheGeneratedClasses_whenComparedWithTheCurrentSchemas_thenEachCarriesExactlyItsSchema() {
        // given
        Map<String, SchemaFile> current = parseInDependencyOrder(schemaFiles(SCHEMAS, RELEASED));

        // when
        Map<String, Schema> generated = new TreeMap<>();
        GENERATED_PACKAGES.forEach(pkg -> generated.putAll(generatedSchemas(pkg)));

        // then
        List<String> problems = new ArrayList<>();
        generated.forEach((className, classSchema) -> {
            SchemaFile file = current.get(classSchema.getFullName());
            if (file == null) {
                problems.add(className + " has no schema in " + SCHEMAS + " (a stale class? run mvn clean)");
                return;
            }
            Schema contract = withoutJavaStringType(classSchema);
            if (!contract.equals(file.schema()) || !contract.toString().equals(file.schema().toString())) {
                problems.add(className + ".SCHEMA$ differs from " + file + ":\n  class: " + contract
                        + "\n  file:  " + file.schema());
            }
        });
        current.values().stream()
                .filter(file -> GENERATED_PACKAGES.contains(file.schema().getNamespace()))
                .filter(file -> !generated.containsKey(file.fullName()))
                .forEach(file -> problems.add(file + " has no generated class with a SCHEMA$"));
        assertThat(generated).as("generated classes in %s", GENERATED_PACKAGES).isNotEmpty();
        assertThat(problems).as("generated classes drifting from their .avsc").isEmpty();
    }

    // ------------------------------------------------------------------------------ the check itself can fail

    @Test
    void givenABreakingChange_whenChecked_thenEachBreakIsReportedWithFileNameAndAvrosMessage() {
        // given: a released record and enum, and "current" versions that break readers of released data
        Map<String, SchemaFile> released = inline("released", """
                {"type": "enum", "name": "Colour", "namespace": "nl.abu.monitor.test", "symbols": ["RED", "GREEN"]}
                """, """
                {"type": "record", "name": "Thing", "namespace": "nl.abu.monitor.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "count", "type": "long"},
                  {"name": "colour", "type": "Colour"}
                ]}
                """, """
                {"type": "record", "name": "Gone", "namespace": "nl.abu.monitor.test", "fields": []}
                """);
        Map<String, SchemaFile> current = inline("current", """
                {"type": "enum", "name": "Colour", "namespace": "nl.abu.monitor.test", "symbols": ["RED"]}
                """, """
                {"type": "record", "name": "Thing", "namespace": "nl.abu.monitor.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "count", "type": "string"},
                  {"name": "colour", "type": "Colour"},
                  {"name": "owner", "type": "string"}
                ]}
                """);

        // when
        List<String> problems = backwardIncompatibilities(current, released);

        // then: the changed type, the new field without a default, the dropped enum symbol and the dropped schema
        assertThat(String.join("\n", problems))
                .contains("current/Thing.avsc (nl.abu.monitor.test.Thing)", "released/Thing.avsc")
                .contains("TYPE_MISMATCH", "/fields/1/type")
                .contains("READER_FIELD_MISSING_DEFAULT", "owner")
                .contains("current/Colour.avsc (nl.abu.monitor.test.Colour)", "MISSING_ENUM_SYMBOLS", "GREEN")
                .contains("released/Gone.avsc (nl.abu.monitor.test.Gone) has no current schema");
        assertThat(problems).hasSize(3); // one report per schema: Colour, Gone, Thing
    }

    @Test
    void givenChangesThatOldDataSurvives_whenChecked_thenNothingIsReported() {
        // given: BACKWARD allows dropping a field (the reader skips it) and adding one with a default
        Map<String, SchemaFile> released = inline("released", """
                {"type": "record", "name": "Thing", "namespace": "nl.abu.monitor.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "obsolete", "type": "int"},
                  {"name": "count", "type": "int"}
                ]}
                """);
        Map<String, SchemaFile> current = inline("current", """
                {"type": "record", "name": "Thing", "namespace": "nl.abu.monitor.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "count", "type": "long"},
                  {"name": "note", "type": ["null", "string"], "default": null}
                ]}
                """);

        // when
        List<String> problems = backwardIncompatibilities(current, released);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void givenANewSchema_whenLookingForItsReleasedVersion_thenItIsReportedUnreleased() {
        // given
        Map<String, SchemaFile> released = inline("released", """
                {"type": "record", "name": "Thing", "namespace": "nl.abu.monitor.test", "fields": []}
                """);
        Map<String, SchemaFile> current = inline("current", """
                {"type": "record", "name": "Thing", "namespace": "nl.abu.monitor.test", "fields": []}
                """, """
                {"type": "record", "name": "Brand", "namespace": "nl.abu.monitor.test", "fields": []}
                """);

        // when
        List<String> unreleased = unreleased(current, released);

        // then
        assertThat(unreleased).singleElement(as(InstanceOfAssertFactories.STRING))
                .endsWith("current/Brand.avsc (nl.abu.monitor.test.Brand)");
    }

    @Test
    void givenSchemasReferringToEachOther_whenParsedInAnyFileOrder_thenTheDependencyOrderIsFound(
            @TempDir Path dir) throws IOException {
        // given: a record using a record using an enum, in the reverse of the order they can be parsed in
        Files.writeString(dir.resolve("A.avsc"), """
                {"type": "record", "name": "A", "namespace": "t", "fields": [{"name": "b", "type": "B"}]}""");
        Files.writeString(dir.resolve("B.avsc"), """
                {"type": "record", "name": "B", "namespace": "t", "fields": [{"name": "c", "type": "C"}]}""");
        Files.writeString(dir.resolve("C.avsc"), """
                {"type": "enum", "name": "C", "namespace": "t", "symbols": ["X"]}""");

        // when
        Map<String, SchemaFile> parsed = parseInDependencyOrder(schemaFiles(dir, null));

        // then
        assertThat(parsed).containsOnlyKeys("t.A", "t.B", "t.C");
        assertThat(parsed.get("t.A").schema().getField("b").schema().getField("c").schema().getEnumSymbols())
                .containsExactly("X");
    }

    // ---------------------------------------------------------------------------------------------------- checks

    /** For every released schema: the current schema of the same full name must read what the released one wrote. */
    static List<String> backwardIncompatibilities(Map<String, SchemaFile> current, Map<String, SchemaFile> released) {
        List<String> problems = new ArrayList<>();
        for (SchemaFile old : released.values()) {
            SchemaFile now = current.get(old.fullName());
            if (now == null) {
                problems.add(old + " has no current schema: data written with it can no longer be read");
                continue;
            }
            SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(now.schema(), old.schema());
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(now + " cannot read data written with " + display(old.file()) + ":"
                        + result.getResult().getIncompatibilities().stream()
                                .map(SchemaCompatibilityTest::describe)
                                .collect(Collectors.joining()));
            }
        }
        return problems;
    }

    static List<String> unreleased(Map<String, SchemaFile> current, Map<String, SchemaFile> released) {
        return current.values().stream()
                .filter(file -> !released.containsKey(file.fullName()))
                .map(SchemaFile::toString)
                .toList();
    }

    private static String describe(Incompatibility incompatibility) {
        return "\n    " + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                + incompatibility.getMessage();
    }

    // --------------------------------------------------------------------------------------------------- parsing

    /** The .avsc files under {@code root}, in a stable order, skipping the tree under {@code skip} if given. */
    static List<Path> schemaFiles(Path root, Path skip) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".avsc"))
                    .filter(file -> skip == null || !file.startsWith(skip))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the files with one {@link Schema.Parser}, retrying a file that refers to a named type not yet defined
     * until no file makes progress. Avro rolls back a failed parse, so a retry does not see a half-defined type.
     * Any other parse error fails at once.
     *
     * @return the schemas by full name, in the order they were parsed
     */
    static Map<String, SchemaFile> parseInDependencyOrder(List<Path> files) {
        Schema.Parser parser = new Schema.Parser();
        Map<String, SchemaFile> parsed = new LinkedHashMap<>();
        Map<Path, String> waiting = new LinkedHashMap<>();
        List<Path> pending = new ArrayList<>(files);
        while (!pending.isEmpty()) {
            waiting.clear();
            for (Path file : pending) {
                try {
                    Schema schema = parser.parse(file.toFile());
                    assertThat(schema.getType())
                            .as("%s must define one named type", file)
                            .isIn(Schema.Type.RECORD, Schema.Type.ENUM, Schema.Type.FIXED);
                    SchemaFile previous = parsed.put(schema.getFullName(), new SchemaFile(file, schema));
                    assertThat(previous).as("%s defined twice", schema.getFullName()).isNull();
                } catch (AvroRuntimeException e) {
                    if (!refersToUndefinedName(e)) {
                        throw new AssertionError("cannot parse " + display(file) + ": " + e.getMessage(), e);
                    }
                    waiting.put(file, e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (waiting.size() == pending.size()) {
                throw new AssertionError("these schemas refer to named types that no schema defines:"
                        + waiting.entrySet().stream()
                                .map(entry -> "\n  " + display(entry.getKey()) + ": " + entry.getValue())
                                .collect(Collectors.joining()));
            }
            pending = new ArrayList<>(waiting.keySet());
        }
        return parsed;
    }

    /** Avro 1.12 says "Undefined schema: x" (AvroTypeException); older versions "Undefined name: x". */
    private static boolean refersToUndefinedName(AvroRuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Undefined schema") || message.startsWith("Undefined name");
    }

    /** Schemas written inline in a test, as if in files {@code <folder>/<name>.avsc}, parsed in dependency order. */
    private static Map<String, SchemaFile> inline(String folder, String... schemas) {
        Path dir;
        try {
            dir = Files.createTempDirectory("schemas-").resolve(folder);
            Files.createDirectories(dir);
            for (String json : schemas) {
                String name = new ObjectMapper().readTree(json).get("name").asText();
                Files.writeString(dir.resolve(name + ".avsc"), json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parseInDependencyOrder(schemaFiles(dir, null));
    }

    // --------------------------------------------------------------------------------------- generated classes

    /** The SCHEMA$ of every generated class (record, enum or fixed) in the package, by class name. */
    private static Map<String, Schema> generatedSchemas(String pkg) {
        Map<String, Schema> schemas = new TreeMap<>();
        for (String className : classNames(pkg)) {
            try {
                Class<?> type = Class.forName(className, false, SchemaCompatibilityTest.class.getClassLoader());
                Field field = type.getDeclaredField("SCHEMA$");
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Schema.class) {
                    schemas.put(className, (Schema) field.get(null));
                }
            } catch (NoSuchFieldException notGenerated) {
                // a hand-written class in the package
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + className + ".SCHEMA$", e);
            }
        }
        return schemas;
    }

    /**
     * The schema without the {@code avro.java.string} property that the compiler adds to every string and map for
     * {@code <stringType>String</stringType>}: a Java binding hint, not part of the contract in the .avsc.
     */
    private static Schema withoutJavaStringType(Schema schema) {
        try {
            JsonNode json = new ObjectMapper().readTree(schema.toString());
            removeJavaStringType(json);
            return new Schema.Parser().parse(json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeJavaStringType(JsonNode json) {
        if (json instanceof ObjectNode object) {
            object.remove(GenericData.STRING_PROP);
        }
        json.forEach(SchemaCompatibilityTest::removeJavaStringType);
    }

    /** Top-level classes of the package, from every class-path root (directories and jars) that has it. */
    private static TreeSet<String> classNames(String pkg) {
        String dir = pkg.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = SchemaCompatibilityTest.class.getClassLoader().getResources(dir);
            for (URL root : Collections.list(roots)) {
                if (root.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.map(file -> file.getFileName().toString())
                                .filter(name -> name.endsWith(".class") && !name.contains("$"))
                                .forEach(name -> names.add(pkg + "." + name.substring(0, name.length() - 6)));
                    }
                } else if (root.openConnection() instanceof JarURLConnection connection) {
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(entry -> entry.getName())
                                .filter(name -> name.startsWith(dir + "/") && name.endsWith(".class"))
                                .map(name -> name.substring(dir.length() + 1, name.length() - 6))
                                .filter(name -> !name.contains("/") && !name.contains("$"))
                                .forEach(name -> names.add(pkg + "." + name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
