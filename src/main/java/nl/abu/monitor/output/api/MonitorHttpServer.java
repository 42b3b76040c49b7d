package nl.abu.monitor.output.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an instance: {@code /metrics} for Prometheus, {@code /health/live} and {@code /health/ready}
 * for the orchestrator, {@code /api/indicators} for people and dashboards, and {@code /api/internal/indicators}
 * for the other instances. Jetty's core handlers, without servlets: a few read-only endpoints, and every error,
 * also one Jetty finds in the request line (a bad %-escape), answered as JSON.
 *
 * <p>The server is bound and serving before the pipeline exists, because the pipeline's
 * {@code application.server} is this server's port (which may be a free port chosen at bind time). Until
 * {@link #attach} the pipeline's endpoints answer 503.
 */
public final class MonitorHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON_TYPE = "application/json";
    private static final String STARTING = error("the pipeline is starting");
    private static final String NOT_FOUND = error("no such path; the paths are /metrics, /health/live, /health/ready, "
            + "/api/indicators and /api/indicators/{indicator}/{period}");
    // A request to /api/indicators holds its thread while the other instances answer, and they may be asking
    // this one at the same time: keep threads free for their internal requests (Jetty's acceptor and selector
    // take two of these).
    private static final int THREADS = 8;

    private final Server server;
    private final ServerConnector connector;
    private final int port;
    private final PrometheusMeterRegistry meters;
    private volatile BooleanSupplier ready = () -> false;
    private volatile Supplier<Optional<String>> failure = Optional::empty;
    private volatile IndicatorQueries indicators;

    private record Reply(int status, String contentType, String body) {
    }

    public MonitorHttpServer(String host, int port, PrometheusMeterRegistry meters) throws IOException {
        this.meters = meters;
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("http");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setSendServerVersion(false);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Reply reply = "GET".equals(request.getMethod())
                        ? route(request.getHttpURI().getPath(), request.getHttpURI().getQuery())
                        : new Reply(405, JSON_TYPE, error("only GET is served"));
                write(response, reply, callback);
                return true;
            }
        });
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = connector.getLocalPort();
        LOG.info("HTTP endpoints on {}", baseUrl());
    }

    private Reply route(String path, String rawQuery) {
        switch (path) {
            case "/metrics":
                return new Reply(200, PROMETHEUS_TEXT, scrape(meters, rawQuery));
            case "/health/live": {
                Optional<String> dead = failure.get();
                return new Reply(dead.isEmpty() ? 200 : 503, "text/plain",
                        dead.map(why -> "DOWN: " + why + "\n").orElse("UP\n"));
            }
            case "/health/ready": {
                boolean isReady = ready.getAsBoolean();
                return new Reply(isReady ? 200 : 503, "text/plain", isReady ? "READY\n" : "NOT READY\n");
            }
            default:
                if (path.equals(RemoteCellTotals.PATH)) {
                    return ask(path, q -> q.answerInternal(rawQuery));
                }
                if (path.equals("/api/indicators") || path.startsWith("/api/indicators/")) {
                    return ask(path, q -> q.answer(path, rawQuery));
                }
                return new Reply(404, JSON_TYPE, NOT_FOUND);
        }
    }

    private Reply ask(String path, Function<IndicatorQueries, IndicatorQueries.Answer> question) {
        IndicatorQueries queries = indicators;
        IndicatorQueries.Answer answer;
        try {
            answer = queries == null ? new IndicatorQueries.Answer(503, STARTING) : question.apply(queries);
        } catch (RuntimeException e) {
            LOG.error("{} failed", path, e);
            answer = new IndicatorQueries.Answer(500, error("internal error, see the instance's log"));
        }
        return new Reply(answer.status(), JSON_TYPE, answer.json());
    }

    private static void write(Response response, Reply reply, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        Content.Sink.write(response, true, reply.body(), callback);
    }

    /**
     * The whole registry, or, as Prometheus' own client libraries do, only the metrics named by {@code name[]}
     * parameters ({@code /metrics?name[]=abu_indicator_value}): a cheap read for a poller that wants a few series
     * out of the thousands of Kafka Streams ones.
     */
    static String scrape(PrometheusMeterRegistry meters, String rawQuery) {
        Set<String> names = new HashSet<>(QueryString.values(rawQuery, "name[]"));
        return names.isEmpty() ? meters.scrape() : meters.scrape(PROMETHEUS_TEXT, names);
    }

    static String error(String message) {
        try {
            return JSON.writeValueAsString(Map.of("error", message)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error", e);
        }
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

    /** The port bound, also when 0 (a free port) was asked for, and also after {@link #close}. */
    public int port() {
        return port;
    }

    public URI baseUrl() {
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The HTTP server did not stop cleanly", e);
        }
    }

    /** Jetty's own errors (a malformed request line or URI, a path it refuses) as the same JSON as ours. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                Callback callback) {
            MonitorHttpServer.write(response, new Reply(code, JSON_TYPE, error(describe(code, message))), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON_TYPE));
            return ByteBuffer.wrap(error(describe(status, reason)).getBytes(StandardCharsets.UTF_8));
        }

        /** Jetty says only "Bad Request" for a bad %-escape in the path; tell the user where to look. */
        private static String describe(int status, String reason) {
            String said = reason == null ? "" : reason;
            return status == 400 ? "malformed request (" + said + "): check the path and its %-escapes" : said;
        }
    }
}
