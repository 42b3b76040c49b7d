package nl.abu.monitor.tools.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pipeline over several consecutive years ({@code --years}): for each year in turn the records sent in it are
 * published, and the pipeline, with the same application id and state directory throughout, is started with the
 * year's last day as its as-of date, works them off ({@link ThroughputPhase}) and is stopped; then its state on
 * disk is measured. The floor, raw, latency and resource phases are left out: this run is about the state as the
 * years go by.
 */
final class YearsRun {

    private YearsRun() {
    }

    static YearsReport run(BenchOptions options, BenchPlatform platform, SimulatedInput input, Path workDir,
            Machine machine, long started, PrintStream progress) throws Exception {
        List<YearsReport.Year> years = new ArrayList<>();
        long inTopics = 0;
        try (IndicatorWatcher watcher = new IndicatorWatcher(platform.bootstrapServers(), platform.serdeConfig(),
                MetricsProbes.CELL)) {
            for (int year = options.firstYear(); year <= BenchOptions.YEAR; year++) {
                progress.printf("%d: publishing the records sent in it (scale %.4f)...%n", year, input.scale());
                Backfill.Result backfill = Backfill.publish(input.backfill(year), platform.bootstrapServers(),
                        platform.serdeConfig(), progress);
                inTopics += backfill.events();
                progress.printf("%d: published %,d records in %.1f s; pipeline as of %s%n", year, backfill.events(),
                        backfill.seconds(), BenchOptions.endOf(year));
                long launched = System.currentTimeMillis();
                PipelineProcess pipeline = new PipelineProcess(platform.bootstrapServers(), platform.registryUrl(),
                        workDir, options, BenchOptions.endOf(year));
                ThroughputPhase.Result throughput;
                try {
                    throughput = ThroughputPhase.run(pipeline, launched, watcher, platform.admin(),
                            platform.brokerPid(), backfill.events(), inTopics, progress);
                } catch (Exception | Error e) {
                    progress.println("The bench failed; the last lines of the pipeline's log:");
                    ProcessLogs.tail(pipeline.log(), 40).forEach(progress::println);
                    throw e;
                } finally {
                    pipeline.close();
                }
                // After a clean stop, so that what RocksDB still held in memory is on disk too.
                long state = ProcessResources.directoryBytes(pipeline.stateDir());
                progress.printf("%d: %,d events in %.1f s; state on disk %s%n", year, backfill.events(),
                        throughput.seconds(), ReportFormat.mib(state));
                progress.printf("%d: on disk by store %s%n", year, ProcessResources.bytesByStore(pipeline.stateDir()));
                Map<String, StoreContents.Live> live = StoreContents.liveByStore(pipeline.stateDir());
                progress.printf("%d: live state %s in all; by store %s%n", year,
                        ReportFormat.mib(StoreContents.liveBytes(live)), live);
                years.add(new YearsReport.Year(year, backfill, throughput, state, StoreContents.liveBytes(live)));
            }
        }
        return new YearsReport(options, machine, Machine.currentLoadAverage(), (System.nanoTime() - started) / 1e9,
                input.scale(), years);
    }
}
