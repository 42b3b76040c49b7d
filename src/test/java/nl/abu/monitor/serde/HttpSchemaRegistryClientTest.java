package nl.abu.monitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.abu.monitor.events.WorkerStay;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static final RetryPolicy FAST_FOREVER =
            new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40), null);

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final StringWriter warnings = new StringWriter();
    private WriterAppender appender;

    @BeforeEach
    void captureWarnings() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configurator.setLevel(HttpSchemaRegistryClient.class.getName(), Level.WARN);
        appender = WriterAppender.newBuilder().setName("warnings-" + hashCode()).setTarget(warnings)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %m%n").build()).build();
        appender.start();
        LoggerConfig loggerConfig = context.getConfiguration().getLoggerConfig(HttpSchemaRegistryClient.class.getName());
        loggerConfig.addAppender(appender, Level.WARN, null);
        context.updateLoggers();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig(HttpSchemaRegistryClient.class.getName())
                .removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }

    /** A registry that answers 503 to the first {@code failures} requests, then {@code status body}. */
    private String registry(int failures, int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            if (requests.incrementAndGet() <= failures) {
                answer(exchange, 503, "{\"error_code\":50301,\"message\":\"warming up\"}");
            } else {
                answer(exchange, status, body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static HttpSchemaRegistryClient client(String url, RetryPolicy retry) {
        return new HttpSchemaRegistryClient(List.of(url), retry, Duration.ofSeconds(2));
    }

    @Test
    void retriesWithAWarningWhileTheRegistryAnswers503ThenRegisters() throws IOException {
        // given
        String url = registry(3, 200, "{\"id\":7}");

        // when
        int id = client(url, FAST_FOREVER).register("abu.worker-stays.v1-value", WorkerStay.getClassSchema());

        // then
        assertThat(id).isEqualTo(7);
        assertThat(requests).hasValue(4);
        assertThat(requestLines).last().isEqualTo(
                "POST /apis/ccompat/v7/subjects/abu.worker-stays.v1-value/versions application/vnd.schemaregistry.v1+json");
        assertThat(warnings.toString().lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("WARN Schema registry " + url)
                        .contains("answered HTTP 503", "registering a schema under subject abu.worker-stays.v1-value",
                                "retrying in"));
        assertThat(warnings.toString()).contains("retrying in 10 ms", "retrying in 20 ms", "retrying in 40 ms");
    }

    @Test
    void asksTheRegistryOncePerSubjectAndSchema() throws IOException {
        // given
        HttpSchemaRegistryClient client = client(registry(0, 200, "{\"id\":7}"), FAST_FOREVER);

        // when
        client.register("abu.worker-stays.v1-value", WorkerStay.getClassSchema());
        client.register("abu.worker-stays.v1-value", WorkerStay.getClassSchema());
        client.lookup("abu.worker-stays.v1-value", WorkerStay.getClassSchema());

        // then: and the schema behind the id is known without asking
        assertThat(requests).hasValue(1);
        assertThat(client.schemaById(7)).isEqualTo(WorkerStay.getClassSchema());
        assertThat(requests).hasValue(1);
    }

    @Test
    void fetchesASchemaByIdOnce() throws IOException {
        // given
        String body = "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(
                WorkerStay.getClassSchema().toString()) + "}";
        HttpSchemaRegistryClient client = client(registry(1, 200, body), FAST_FOREVER);

        // when
        client.schemaById(11);
        client.schemaById(11);

        // then
        assertThat(client.schemaById(11).getFullName()).isEqualTo("nl.abu.monitor.events.WorkerStay");
        assertThat(requestLines).last().asString().startsWith("GET /apis/ccompat/v7/schemas/ids/11");
        assertThat(requests).hasValue(2);
    }

    @Test
    void namesAnIdTheRegistryDoesNotKnow() throws IOException {
        // given
        String url = registry(0, 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");

        // when / then
        assertThatThrownBy(() -> client(url, FAST_FOREVER).schemaById(99))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> assertThat(e.schemaId()).isEqualTo(99))
                .hasMessageContaining("Schema id 99");
        assertThat(requests).hasValue(1);
    }

    @Test
    void doesNotRetryARefusal() throws IOException {
        // given
        String url = registry(0, 409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

        // when / then: only a lookup, to tell a concurrent registration from an incompatible schema
        assertThatThrownBy(() -> client(url, FAST_FOREVER).register("s-value", WorkerStay.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409))
                .hasMessageContaining("incompatible");
        assertThat(requestLines).extracting(line -> line.split(" ")[0] + " " + line.split(" ")[1]).containsExactly(
                "POST /apis/ccompat/v7/subjects/s-value/versions", "POST /apis/ccompat/v7/subjects/s-value");
    }

    @Test
    void aConflictWithAConcurrentRegistrationOfTheSameSchemaGivesItsId() throws IOException {
        // given a registry where another instance registered the schema a moment before (Apicurio answers 409)
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean registering = exchange.getRequestURI().getPath().endsWith("/versions");
            answer(exchange, registering ? 409 : 200, registering
                    ? "{\"error_code\":409,\"message\":\"An artifact with ID 's-value' already exists.\"}"
                    : "{\"subject\":\"s-value\",\"id\":12,\"version\":1}");
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";

        // when / then
        assertThat(client(url, FAST_FOREVER).register("s-value", WorkerStay.getClassSchema())).isEqualTo(12);
    }

    @Test
    void givesUpOnlyAfterTheConfiguredMaximumWait() throws IOException {
        // given
        String url = registry(Integer.MAX_VALUE, 200, "{}");
        // 1 s leaves room for several attempts even when the first request is slow on a loaded machine
        RetryPolicy patience = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(1_000));

        // when / then: an unreachable registry is not a bad record
        assertThatThrownBy(() -> client(url, patience).schemaById(5))
                .isInstanceOf(RegistryUnavailableException.class)
                .isNotInstanceOf(SerializationException.class)
                .hasMessageContaining("gave up");
        assertThat(requests.get()).isGreaterThan(3);
    }

    @Test
    void retriesARegistryThatRefusesConnections() throws IOException {
        // given: a port where nothing listens any more
        String url = registry(0, 200, "{}");
        server.stop(0);
        server = null;
        RetryPolicy patience = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(200));

        // when / then
        assertThatThrownBy(() -> client(url, patience).schemaById(5))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(warnings.toString()).contains("is unreachable (ConnectException");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        // given
        RetryPolicy policy = RetryPolicy.DEFAULT;

        // when / then
        assertThat(List.of(1, 2, 3, 6, 7, 30)).map(policy::backoffAfter).map(Duration::toMillis)
                .containsExactly(100L, 200L, 400L, 3200L, 5000L, 5000L);
        assertThat(policy.maxWait()).isNull();
    }
}
