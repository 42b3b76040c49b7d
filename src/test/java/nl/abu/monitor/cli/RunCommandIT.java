package nl.abu.monitor.cli;

import static nl.abu.monitor.cli.MonitorProcess.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run` against an existing cluster and registry, configured by a file and environment variables. */
class RunCommandIT {

    @Test
    void runsAgainstTheConfiguredClusterUntilSigterm(@TempDir Path dir) throws Exception {
        try (EmbeddedPlatform cluster = EmbeddedPlatform.start()) {
            // given a config file with the registry and state dir, and the bootstrap servers in the environment
            Path config = dir.resolve("monitor.properties");
            Files.write(config, List.of("schema.registry.url=" + cluster.registryUrl(),
                    "state.dir=" + dir.resolve("state"), "http.host=127.0.0.1", "http.port=0",
                    "application.id=monitor-run-it", "topics.partitions=2", "topics.replication.factor=1"));
            try (MonitorProcess run = new MonitorProcess(Map.of("MONITOR_BOOTSTRAP_SERVERS", cluster.bootstrapServers()),
                    "run", "--config", config.toString())) {
                // when it has started
                Map<String, String> addresses = run.addresses(Duration.ofSeconds(90));

                // then it uses that cluster, creates the topics and becomes ready
                assertThat(addresses).containsEntry("bootstrap", cluster.bootstrapServers())
                        .containsEntry("registry", cluster.registryUrl());
                String health = addresses.get("metrics").replace("/metrics", "/health/ready");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(health).statusCode())
                        .isEqualTo(200));
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers()))) {
                    assertThat(admin.listTopics().names().get()).contains("abu.worker-stays.v1",
                            "abu.indicators.v1", "abu.rejected.v1");
                }

                // when it is told to stop, it stops cleanly
                run.signal("TERM");
                assertThat(run.awaitExit(Duration.ofSeconds(45))).isTrue();
                assertThat(run.process().exitValue()).isIn(0, 143);
            }
        }
    }
}
