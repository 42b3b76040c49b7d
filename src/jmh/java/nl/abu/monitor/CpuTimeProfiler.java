package nl.abu.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, next to JMH's wall-clock score: on a shared machine a benchmark thread waits for a
 * core, and the wall clock counts the wait. {@code cpu.worker.norm} is the CPU time of the benchmark threads,
 * {@code cpu.process.norm} that of the whole forked JVM (garbage collection and JIT compilation included).
 * Use: {@code -prof nl.abu.monitor.CpuTimeProfiler}.
 *
 * <p>Hand-written: JMH's own CPU-time profiler ({@code perfnorm}) needs hardware counters, which this
 * machine's virtual CPUs do not offer.
 */
public class CpuTimeProfiler implements InternalProfiler {
    private static final String WORKER_THREAD = "jmh-worker";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, Long> workerCpuBefore = Map.of();
    private long processCpuBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation of the benchmark threads and of the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerCpuBefore = workerCpuTimes();
        processCpuBefore = os.getProcessCpuTime();
    }

    @Override
    public List<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long processCpu = os.getProcessCpuTime() - processCpuBefore;
        long workerCpu = 0;
        for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
            workerCpu += worker.getValue() - workerCpuBefore.getOrDefault(worker.getKey(), 0L);
        }
        double ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(
                new ScalarResult("cpu.worker.norm", workerCpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", processCpu / ops, "ns/op", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerCpuTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER_THREAD)) {
                times.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return times;
    }
}
