package nl.abu.monitor.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks the Confluent Schema Registry REST API over {@code java.net.http}. Answers are cached for
 * the life of the client: ids and the schemas behind them never change in a registry.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final List<String> baseUrls;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    /**
     * @param baseUrls       one or more registry URLs; on failure the next one is tried
     * @param retryPolicy    how long and how often to retry while the registry is unreachable
     * @param requestTimeout how long one request may take before it counts as unreachable
     */
    public HttpSchemaRegistryClient(List<String> baseUrls, RetryPolicy retryPolicy, Duration requestTimeout) {
        this(baseUrls, retryPolicy, requestTimeout, RegistryAccess.none());
    }

    /** @param access basic-auth credentials and the truststore for {@code https} URLs */
    public HttpSchemaRegistryClient(List<String> baseUrls, RetryPolicy retryPolicy, Duration requestTimeout,
            RegistryAccess access) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("no schema registry URL");
        }
        this.baseUrls = baseUrls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(requestTimeout);
        access.sslContext().ifPresent(http::sslContext);
        this.http = http.build();
        this.authorization = access.authorization();
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = call("registering a schema under subject " + subject,
                    "POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        } catch (SchemaRegistryException refused) {
            return registeredMeanwhile(subject, schema, refused);
        }
        int id = answer.path("id").asInt();
        remember(key, id);
        return id;
    }

    /**
     * A 409 is not always an incompatible schema: Apicurio's compatibility API also answers it to the loser of two
     * instances registering the same new schema at once. If a lookup finds the schema, that race is what happened.
     */
    private int registeredMeanwhile(String subject, Schema schema, SchemaRegistryException refused) {
        if (refused.httpStatus() != 409) {
            throw refused;
        }
        try {
            return lookup(subject, schema);
        } catch (SchemaRegistryException notThere) {
            refused.addSuppressed(notThere);
            throw refused;
        }
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("looking up a schema under subject " + subject,
                "POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = answer.path("id").asInt();
        remember(key, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = call("fetching schema id " + id, "GET", "/schemas/ids/" + id, null);
        } catch (SchemaRegistryException e) {
            // Only the registry's own "schema not found" code: a bare 404 means a wrong base URL.
            if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new UnknownSchemaIdException(id);
            }
            throw e;
        }
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new WrongSchemaException("Schema id " + id + " is a " + type + " schema, not Avro");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(answer.path("schema").asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema id " + id + " does not parse as Avro: " + e.getMessage(), 200, 0);
        }
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    private JsonNode call(String what, String method, String path, String body) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            String baseUrl = baseUrls.get((attempt - 1) % baseUrls.size());
            String problem;
            Throwable cause = null;
            try {
                HttpResponse<String> response = http.send(request(method, baseUrl + path, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if (!isWorthRetrying(status)) {
                    throw new SchemaRegistryException("Schema registry " + baseUrl + " refused " + what
                            + ": " + errorMessage(response.body()), status, errorCode(response.body()));
                }
                problem = "answered HTTP " + status;
            } catch (IOException e) {
                problem = "is unreachable (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (retryPolicy.givesUpAfter(waited)) {
                throw new RegistryUnavailableException("Schema registry " + baseUrl + " " + problem + " while "
                        + what + "; gave up after " + attempt + " attempts and " + waited.toMillis() + " ms", cause);
            }
            Duration pause = retryPolicy.backoffAfter(attempt);
            LOG.warn("Schema registry {} {} while {}; retrying in {} ms (attempt {}, waiting {} ms so far)",
                    baseUrl, problem, what, pause.toMillis(), attempt, waited.toMillis());
            sleep(pause);
        }
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static boolean isWorthRetrying(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int errorCode(String body) {
        try {
            return JSON.readTree(body).path("error_code").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String errorMessage(String body) {
        try {
            return JSON.readTree(body).path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }
}
