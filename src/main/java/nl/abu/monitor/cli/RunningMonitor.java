package nl.abu.monitor.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.ingest.FeedbackTopics;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.api.IndicatorQueries;
import nl.abu.monitor.output.api.MonitorHttpServer;
import nl.abu.monitor.output.api.StoreSourceTopics;
import nl.abu.monitor.output.metrics.IndicatorGauges;
import nl.abu.monitor.output.targets.LiveTargets;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.output.targets.TargetsSeeder;
import nl.abu.monitor.pipeline.ListedFeedbackTopics;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.pipeline.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One instance of the monitor: topics ensured, the pipeline running, and its HTTP endpoints served. */
final class RunningMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningMonitor.class);
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final PipelineApp pipeline;
    private final MonitorHttpServer http;
    private final IndicatorGauges indicatorGauges;
    private final ListedFeedbackTopics feedbackTopics;

    RunningMonitor(MonitorOptions options) throws IOException, InterruptedException {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        gcMetrics.bindTo(meters);
        try (Admin admin = Admin.create(adminProps(options))) {
            new TopicSetup(options.partitions(), options.replicationFactor()).createMissing(admin);
        }
        TargetsSeeder.seedIfEmpty(options.bootstrapServers(), options.kafkaOverrides(), options.serdeConfig(),
                Targets.contractDefaults());
        // Bound first: its port (perhaps a free one) goes into application.server, which the pipeline needs.
        http = new MonitorHttpServer(options.httpHost(), options.httpPort(), meters);
        ListedFeedbackTopics listed = null;
        try {
            listed = ListedFeedbackTopics.start(adminProps(options));
            pipeline = startPipeline(options, new HostInfo(options.httpAdvertisedHost(), http.port()), listed);
        } catch (RuntimeException e) {
            http.close();
            if (listed != null) {
                listed.close();
            }
            throw e;
        }
        feedbackTopics = listed;
        indicatorGauges = IndicatorGauges.startFor(pipeline.streams(), meters, new LiveTargets(pipeline.streams(),
                Targets.contractDefaults()),
                options.minimumCellSize(), options.asOf(), IndicatorGauges.DEFAULT_REFRESH_INTERVAL);
        pipeline.addStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                indicatorGauges.refreshSoon();
            }
        });
    }

    private PipelineApp startPipeline(MonitorOptions options, HostInfo advertised, FeedbackTopics feedbackTopics) {
        IngestCounters counters = new IngestCounters(meters);
        counters.startAtZero(Topics.INPUTS);
        PipelineSettings settings = new PipelineSettings(options.asOf(), options.openYears(),
                options.minimumCellSize(), Targets.contractDefaults(), options.serdeConfig(), counters,
                options.dateCheckInterval());
        Properties props = StreamsProperties.of(options.bootstrapServers(), options.serdeConfig(), counters);
        props.putAll(options.kafkaOverrides());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        props.put(FeedbackTopics.CONFIG_KEY, feedbackTopics);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        GroupInstanceId.of(options.applicationId(), advertised, options.httpPort(), options.kafkaOverrides())
                .ifPresentOrElse(id -> {
                    props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
                    LOG.info("Static group membership as '{}': restarted with this configuration, the instance takes "
                            + "its partitions back at once", id);
                }, () -> LOG.info("Dynamic group membership (http.port is 0 or kafka.group.instance.id is empty)"));
        Topology topology = PipelineTopology.build(settings);
        PipelineApp app = new PipelineApp(topology, props, meters);
        List<String> totalsStores = Families.totalsStores();
        LiveTargets liveTargets = new LiveTargets(app.streams(), settings.seedTargets());
        http.attach(app::isRunning, new IndicatorQueries(app.streams(), advertised,
                StoreSourceTopics.of(topology.describe(), options.applicationId(), totalsStores),
                () -> new IndicatorValues(liveTargets.get(), settings.minimumCellSize()), options.asOf(),
                settings.openYears()));
        http.watchLiveness(app::failure);
        app.start();
        return app;
    }

    private static Properties adminProps(MonitorOptions options) {
        Properties props = new Properties();
        props.putAll(options.kafkaOverrides());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        return props;
    }

    MonitorHttpServer http() {
        return http;
    }

    PipelineApp pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        indicatorGauges.close();
        http.close();
        pipeline.close();
        feedbackTopics.close();
        gcMetrics.close();
        meters.close();
    }
}
