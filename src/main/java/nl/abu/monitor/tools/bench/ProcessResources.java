package nl.abu.monitor.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a process used, read from Linux's {@code /proc} and from its GC log. */
final class ProcessResources {
    private static final Pattern HWM = Pattern.compile("^VmHWM:\\s+(\\d+) kB$", Pattern.MULTILINE);
    // G1 at -Xlog:gc: "... Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M) 5.123ms"
    private static final Pattern GC_PAUSE = Pattern.compile(
            "Pause.* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) (\\d+\\.\\d+)ms");

    private ProcessResources() {
    }

    /** Peak resident set size ("high water mark") of a live process, in bytes. */
    static long peakRssBytes(long pid) {
        try {
            Matcher m = HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU time (user and system) a live process has used so far; zero when unknown. */
    static Duration cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** The bytes of all files under {@code dir}. */
    /** SIGTERM, so that Kafka Streams closes cleanly; SIGKILL after a minute. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The bytes under a Kafka Streams state dir by store, summed over the tasks ({@code <app>/<task>/rocksdb/<store>}
     * and {@code <app>/<task>/<store>}); files outside any store (checkpoints, locks) under {@code ""}.
     */
    static Map<String, Long> bytesByStore(Path stateDir) {
        Map<String, Long> bytes = new TreeMap<>();
        if (!Files.exists(stateDir)) {
            return bytes;
        }
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                Path relative = stateDir.relativize(f);
                String store = "";
                if (relative.getNameCount() > 4 && relative.getName(2).toString().equals("rocksdb")) {
                    store = relative.getName(3).toString();
                } else if (relative.getNameCount() > 3) {
                    store = relative.getName(2).toString();
                }
                try {
                    bytes.merge(store, Files.size(f), Long::sum);
                } catch (IOException e) {
                    // deleted meanwhile (RocksDB compaction)
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return bytes;
        }
        return bytes;
    }

    static long directoryBytes(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted meanwhile (RocksDB compaction)
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** From a {@code -Xlog:gc} file: the heap in use at the start of each pause is a local peak of the heap. */
    record GcSummary(long peakHeapBytes, long pauses, double pauseMillis) {
        static GcSummary of(Path gcLog) throws IOException {
            long peak = 0;
            long pauses = 0;
            double pauseMillis = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                    pauses++;
                    pauseMillis += Double.parseDouble(m.group(7));
                }
            }
            return new GcSummary(peak, pauses, pauseMillis);
        }

        private static long bytes(String amount, String unit) {
            long n = Long.parseLong(amount);
            return switch (unit) {
                case "K" -> n << 10;
                case "M" -> n << 20;
                default -> n << 30;
            };
        }
    }
}
