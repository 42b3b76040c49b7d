package nl.abu.monitor.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an instance: {@code /metrics} for Prometheus, {@code /health/live} and {@code /health/ready}
 * for the orchestrator, {@code /api/indicators} for people and dashboards, and {@code /api/internal/indicators}
 * for the other instances. The JDK's own server is enough for these few read-only endpoints.
 *
 * <p>The server is bound and serving before the pipeline exists, because the pipeline's
 * {@code application.server} is this server's port (which may be a free port chosen at bind time). Until
 * {@link #attach} the pipeline's endpoints answer 503.
 */
public final class MonitorHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String STARTING = "{\"error\": \"the pipeline is starting\"}\n";
    private static final String NOT_FOUND = "{\"error\": \"no such path; the paths are /metrics, /health/live, "
            + "/health/ready, /api/indicators and /api/indicators/{indicator}/{period}\"}\n";
    // A request to /api/indicators holds its thread while the other instances answer, and they may be asking
    // this one at the same time: keep threads free for their internal requests.
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile BooleanSupplier ready = () -> false;
    private volatile Supplier<Optional<String>> failure = Optional::empty;
    private volatile IndicatorQueries indicators;

    public MonitorHttpServer(String host, int port, PrometheusMeterRegistry meters) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, scrape(meters, ex.getRequestURI())));
        server.createContext("/health/live", ex -> {
            Optional<String> dead = failure.get();
            respond(ex, dead.isEmpty() ? 200 : 503, "text/plain",
                    dead.map(why -> "DOWN: " + why + "\n").orElse("UP\n"));
        });
        server.createContext("/health/ready", ex -> {
            boolean isReady = ready.getAsBoolean();
            respond(ex, isReady ? 200 : 503, "text/plain", isReady ? "READY\n" : "NOT READY\n");
        });
        server.createContext("/api/indicators", ex -> respond(ex, indicators, q -> q.answer(ex.getRequestURI())));
        server.createContext("/", ex -> respond(ex, 404, "application/json", NOT_FOUND));
        server.createContext(RemoteCellTotals.PATH,
                ex -> respond(ex, indicators, q -> q.answerInternal(ex.getRequestURI())));
        server.start();
        LOG.info("HTTP endpoints on {}", baseUrl());
    }

    /**
     * The whole registry, or, as Prometheus' own client libraries do, only the metrics named by {@code name[]}
     * parameters ({@code /metrics?name[]=abu_indicator_value}): a cheap read for a poller that wants a few series
     * out of the thousands of Kafka Streams ones.
     */
    static String scrape(PrometheusMeterRegistry meters, URI uri) {
        Set<String> names = new HashSet<>(QueryString.values(uri.getRawQuery(), "name[]"));
        return names.isEmpty() ? meters.scrape() : meters.scrape(PROMETHEUS_TEXT, names);
    }

    /** Serves the pipeline's readiness and indicator tables from now on. */
    public void attach(BooleanSupplier pipelineReady, IndicatorQueries queries) {
        this.ready = pipelineReady;
        this.indicators = queries;
    }

    /** {@code /health/live} answers 503 with the reason whenever {@code pipelineFailure} tells one. */
    public void watchLiveness(Supplier<Optional<String>> pipelineFailure) {
        this.failure = pipelineFailure;
    }

    /** The port bound, also when 0 (a free port) was asked for. */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private static void respond(HttpExchange exchange, IndicatorQueries queries,
            Function<IndicatorQueries, IndicatorQueries.Answer> ask) throws IOException {
        IndicatorQueries.Answer answer;
        try {
            answer = queries == null ? new IndicatorQueries.Answer(503, STARTING) : ask.apply(queries);
        } catch (RuntimeException e) {
            // Without an answer the JDK server just drops the connection; say what went wrong instead.
            LOG.error("{} failed", exchange.getRequestURI(), e);
            answer = new IndicatorQueries.Answer(500, "{\"error\": \"internal error, see the instance's log\"}\n");
        }
        respond(exchange, answer.status(), "application/json", answer.json());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
