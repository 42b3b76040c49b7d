package nl.abu.monitor.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;

/**
 * An in-memory registry for URLs {@code mock://<scope>}, shared by every serde of the JVM that names
 * the same scope (as Confluent's mock registry does), so TopologyTestDriver tests need no registry.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {

    public static final String URL_PREFIX = "mock://";

    private static final Map<String, MockSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new ConcurrentHashMap<>();

    /** The registry of {@code mock://<scope>}. */
    public static MockSchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistryClient());
    }

    /** Forgets everything registered in a scope, so one test cannot see another's schemas. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    static boolean isMockUrl(String url) {
        return url.startsWith(URL_PREFIX);
    }

    static String scopeOf(String url) {
        return url.substring(URL_PREFIX.length());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        // Like a real registry, one schema has one id across all subjects.
        int id = idsBySchema.computeIfAbsent(schema, s -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, s);
            return next;
        });
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        List<Integer> versions = idsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject " + subject + " not found", 404,
                    SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException("Schema not found under subject " + subject, 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaIdException(id);
        }
        return schema;
    }
}
