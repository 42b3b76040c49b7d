package nl.abu.monitor.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an instance: {@code /metrics} for Prometheus, {@code /health/live} and {@code /health/ready}
 * for the orchestrator, {@code /api/indicators} for people and dashboards. The JDK's own server is enough for
 * these few read-only endpoints.
 */
public final class MonitorHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    public MonitorHttpServer(String host, int port, PrometheusMeterRegistry meters, BooleanSupplier ready,
            IndicatorQueries indicators) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, meters.scrape()));
        server.createContext("/health/live", ex -> respond(ex, 200, "text/plain", "UP\n"));
        server.createContext("/health/ready", ex -> {
            boolean isReady = ready.getAsBoolean();
            respond(ex, isReady ? 200 : 503, "text/plain", isReady ? "READY\n" : "NOT READY\n");
        });
        server.createContext("/api/indicators", ex -> {
            IndicatorQueries.Answer answer = indicators.answer(ex.getRequestURI());
            respond(ex, answer.status(), "application/json", answer.json());
        });
        server.start();
        LOG.info("HTTP endpoints on {}", baseUrl());
    }

    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
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
        server.stop(0);
    }
}
