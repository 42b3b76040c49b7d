package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `demo` as a user runs it: its own JVM, started, looked at over HTTP, then stopped with Ctrl-C (SIGINT). */
class DemoIT {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    private Process demo;

    @AfterEach
    void killWhatIsLeft() {
        if (demo != null && demo.isAlive()) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    @Test
    void startsWithinAMinuteServesMetricsAndStopsEverythingOnCtrlC() throws Exception {
        // given
        Path stderr = Files.createTempFile("demo", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        demo = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "-Dmonitor.embedded.dir=" + System.getProperty("monitor.embedded.dir"),
                "-Dlog4j2.configurationFile=log4j2.xml", // the application's own logging, not the tests'

                Main.class.getName(), "demo", "--history-minutes", "1")
                .redirectError(stderr.toFile()).start();
        long started = System.nanoTime();

        // when it has printed its addresses
        Map<String, String> addresses = readAddresses(demo);
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("demo printed its addresses after %.1f s%n", startup.toMillis() / 1000.0);

        // then
        assertThat(addresses).containsOnlyKeys("bootstrap", "registry", "metrics", "api");
        assertThat(startup).isLessThan(STARTUP_LIMIT);
        assertThat(get(addresses.get("metrics")).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        // and the simulator's records flow through the pipeline into the metrics and the API
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String metrics = get(addresses.get("metrics")).body();
            assertThat(metrics).contains("jvm_memory_used_bytes").contains("abu_records_accepted_total")
                    .contains("kafka_stream");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get(addresses.get("api").replace("/api/indicators", "/health/ready")).statusCode())
                    .isEqualTo(200);
            assertThat(get(addresses.get("api")).body()).contains("\"language_training_share\"");
        });

        // when the user presses Ctrl-C
        List<ProcessHandle> children = demo.descendants().toList();
        assertThat(children).isNotEmpty();
        new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();

        // then the demo and every child JVM are gone
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo exited").isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(children).noneMatch(ProcessHandle::isAlive));
        assertThat(Files.readString(stderr)).doesNotContain("Exception in thread \"main\"");
    }

    private static Map<String, String> readAddresses(Process process) throws Exception {
        Map<String, String> addresses = new HashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; addresses.size() < 4 && (line = out.readLine()) != null; ) {
                    int colon = line.indexOf(": ");
                    if (line.matches("^(bootstrap|registry|metrics|api): \\S+$")) {
                        synchronized (addresses) {
                            addresses.put(line.substring(0, colon), line.substring(colon + 2));
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended; the caller sees fewer addresses
            }
        });
        reader.setDaemon(true);
        reader.start();
        reader.join(STARTUP_LIMIT.plusSeconds(30).toMillis());
        synchronized (addresses) {
            return Map.copyOf(addresses);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
