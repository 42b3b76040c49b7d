package nl.abu.monitor.observability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (the Debian binary, {@code PROMETHEUS} or {@code /usr/bin/prometheus}) as a child process on a
 * free 127.0.0.1 port, with its own data directory under {@code dir}, and its HTTP API.
 *
 * <p>No orphan: Prometheus runs under a small {@code sh} that kills it when its stdin closes. {@link #close()}
 * closes that stdin; a test JVM that dies (even by SIGKILL) has its end of the pipe closed by the kernel, with the
 * same effect.
 */
final class PrometheusServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Runs Prometheus ({@code "$0" "$@"}) in the background, and kills it when stdin reaches its end or sh gets
     * SIGTERM. A background list of a non-interactive sh reads /dev/null, so stdin is passed to it as fd 3.
     */
    private static final String WATCHDOG = "exec 3<&0; \"$0\" \"$@\" </dev/null 3<&- & p=$!; "
            + "trap 'kill $p 2>/dev/null' TERM; { cat <&3 >/dev/null; kill $p 2>/dev/null; } & wait $p";

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static String binary() {
        String env = System.getenv("PROMETHEUS");
        return env != null && !env.isBlank() ? env : "/usr/bin/prometheus";
    }

    /** Starts Prometheus with {@code config} and waits (at most 60 s) until it is ready. */
    static PrometheusServer start(Path config, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(binary()))) {
            throw new IllegalStateException(binary() + " not found: install it with "
                    + "`apt-get update && apt-get install -y prometheus` (Debian), or set PROMETHEUS");
        }
        int port = freePort();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, binary(),
                "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=1h", "--log.level=info"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!server.ready()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ":\n"
                            + server.logText());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Prometheus not ready in 60 s:\n" + server.logText());
                }
                Thread.sleep(200);
            }
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUrl().resolve("/-/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code data} of {@code GET /api/v1/query?query=...} (an instant query, now). */
    JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The {@code data} of {@code GET path}, or an exception with Prometheus's error. */
    JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUrl().resolve(pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = ObservabilityFiles.JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " " + body.path("errorType").asText()
                        + ": " + body.path("error").asText());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the watchdog's cue: it kills Prometheus, then ends
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
