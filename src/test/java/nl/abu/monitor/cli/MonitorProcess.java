package nl.abu.monitor.cli;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code monitor} command in its own JVM, as a user starts it, with the application's own logging. */
public final class MonitorProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path stderr;
    private final long startedNanos = System.nanoTime();

    public MonitorProcess(Map<String, String> environment, String... args) throws Exception {
        this(false, environment, args);
    }

    /**
     * With {@code ownProcessGroup}, the command leads a process group of its own (through {@code setsid}), as a
     * terminal's foreground job does, so that {@link #signalGroup} reaches it and whatever shares its group.
     */
    public MonitorProcess(boolean ownProcessGroup, Map<String, String> environment, String... args) throws Exception {
        stderr = Files.createTempFile("monitor", ".log");
        List<String> command = new ArrayList<>(ownProcessGroup ? List.of("setsid") : List.of());
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"),
                "-Dmonitor.embedded.dir=" + System.getProperty("monitor.embedded.dir"),
                "-Dlog4j2.configurationFile=log4j2.xml", Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
    }

    public Process process() {
        return process;
    }

    /** The {@code name: url} lines it prints at start, waiting at most {@code limit}. */
    public Map<String, String> addresses(Duration limit) throws InterruptedException {
        Map<String, String> addresses = new HashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; addresses.size() < 4 && (line = out.readLine()) != null; ) {
                    if (line.matches("^(bootstrap|registry|metrics|api): \\S+$")) {
                        synchronized (addresses) {
                            int colon = line.indexOf(": ");
                            addresses.put(line.substring(0, colon), line.substring(colon + 2));
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended: the caller sees fewer addresses
            }
        });
        reader.setDaemon(true);
        reader.start();
        reader.join(limit.toMillis());
        synchronized (addresses) {
            return Map.copyOf(addresses);
        }
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public void signal(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    }

    /** Signals the whole process group that this command leads, as a terminal does on Ctrl-C. */
    public void signalGroup(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid()).start().waitFor();
    }

    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String log() throws java.io.IOException {
        return Files.readString(stderr);
    }

    public static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
