package nl.abu.monitor.reliability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.tools.replay.ReplaySession;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One instance of a {@link ReplaySession}'s pipeline in a JVM of its own, for {@link StandbyHandOverIT} to kill
 * with SIGKILL. Args: bootstrap servers, registry URL, state dir, as-of date, then {@code key=value} streams
 * overrides. Prints {@code STATE <new state>} on every change. Exits when its stdin closes (the test JVM is gone).
 */
public final class StandbyInstanceMain {
    private StandbyInstanceMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", args[1]);
        IngestCounters counters = new IngestCounters(new SimpleMeterRegistry());
        PipelineSettings settings = PipelineSettings.defaults(AsOfDate.fixed(LocalDate.parse(args[3])), serdeConfig,
                counters);
        Properties props = StreamsProperties.of(args[0], serdeConfig, counters);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, ReplaySession.APPLICATION_ID);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            props.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        PipelineApp pipeline = new PipelineApp(PipelineTopology.build(settings), props, new SimpleMeterRegistry());
        pipeline.addStateListener((now, before) -> {
            System.out.println("STATE " + now);
            System.out.flush();
        });
        pipeline.start();
        while (System.in.read() >= 0) {
            // wait for the parent to go
        }
        Runtime.getRuntime().halt(3);
    }
}
