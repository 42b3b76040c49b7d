package nl.abu.monitor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml agrees with the files it mounts and with the addresses in prometheus/prometheus.yml and
 * grafana/provisioning/. Nothing is run: this machine has no Docker engine.
 */
class ComposeStructureTest {
    private final JsonNode compose = ObservabilityFiles.yaml("docker-compose.yml");
    private final JsonNode prometheus = ObservabilityFiles.yaml("prometheus/prometheus.yml");

    /** A bind mount of a service, short syntax {@code ./host:/container[:ro]}. */
    record Mount(String service, String source, String target) {
        boolean isBind() {
            return source.startsWith("./") || source.startsWith("../") || source.startsWith("/") || source.equals(".");
        }
    }

    private List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(s -> {
            for (JsonNode v : s.getValue().path("volumes")) {
                if (v.isTextual()) {
                    String[] parts = v.asText().split(":");
                    mounts.add(new Mount(s.getKey(), parts[0], parts[1]));
                } else {
                    mounts.add(new Mount(s.getKey(), v.path("source").asText(), v.path("target").asText()));
                }
            }
        });
        return mounts;
    }

    private JsonNode service(String name) {
        JsonNode s = compose.path("services").path(name);
        assertThat(s.isObject()).as("service %s in docker-compose.yml", name).isTrue();
        return s;
    }

    /** The container ports a service publishes ("host:container") or exposes. */
    private List<Integer> containerPorts(String name) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode p : service(name).path("ports")) {
            String[] parts = p.asText().split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1].replaceAll("/.*", "")));
        }
        for (JsonNode p : service(name).path("expose")) {
            ports.add(Integer.parseInt(p.asText().replaceAll("/.*", "")));
        }
        return ports;
    }

    /** Where a container path of a service comes from in the repository, through its bind mounts. */
    private Optional<Path> hostPath(String serviceName, String containerPath) {
        return mounts().stream().filter(m -> m.service().equals(serviceName) && m.isBind())
                .filter(m -> containerPath.equals(m.target()) || containerPath.startsWith(m.target() + "/"))
                .findFirst().map(m -> ObservabilityFiles.root().resolve(m.source())
                        .resolve(containerPath.substring(m.target().length()).replaceFirst("^/", "")).normalize());
    }

    @Test
    void parsesWithTheExpectedServices() {
        assertThat(compose.path("services").isObject()).isTrue();
        for (String s : List.of("kafka", "schema-registry", "monitor", "prometheus", "alertmanager", "grafana")) {
            assertThat(service(s).path("image").asText()).as("image of %s", s).isNotBlank();
        }
        assertThat(service("alertmanager").path("image").asText()).startsWith("prom/alertmanager");
        for (String s : List.of("monitor", "prometheus", "alertmanager", "grafana")) {
            assertThat(service(s).path("healthcheck").path("test").isMissingNode()).as("healthcheck of %s", s).isFalse();
        }
    }

    @Test
    void everyMountedFileOrFolderExists() {
        List<Mount> binds = mounts().stream().filter(Mount::isBind).toList();
        assertThat(binds).isNotEmpty();
        for (Mount m : binds) {
            if (m.source().equals("./target")) {
                continue; // the build output, made by ./mvnw package
            }
            assertThat(m.source()).as("%s mounts a path inside the repository", m.service()).startsWith("./");
            assertThat(ObservabilityFiles.root().resolve(m.source())).as("%s mounts %s", m.service(), m.source()).exists();
        }
        // Named volumes are declared.
        mounts().stream().filter(m -> !m.isBind()).forEach(m ->
                assertThat(compose.path("volumes").has(m.source())).as("volume %s declared", m.source()).isTrue());
    }

    @Test
    void prometheusGetsItsConfigRulesAndAlertmanagerConfig() throws IOException {
        String config = configFlag("prometheus", "--config.file=", "/etc/prometheus/prometheus.yml");
        Path configOnHost = hostPath("prometheus", config).orElseThrow();
        assertThat(configOnHost).isEqualTo(ObservabilityFiles.path("prometheus/prometheus.yml"));
        // rule_files are relative to the config file: each pattern must match files through the mount.
        String configDir = config.substring(0, config.lastIndexOf('/'));
        assertThat(prometheus.path("rule_files").size()).isPositive();
        for (JsonNode pattern : prometheus.path("rule_files")) {
            String inContainer = pattern.asText().startsWith("/") ? pattern.asText() : configDir + "/" + pattern.asText();
            Path onHost = hostPath("prometheus", inContainer).orElseThrow(
                    () -> new AssertionError("rule file " + inContainer + " is not mounted into prometheus"));
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + onHost);
            try (Stream<Path> files = Files.list(onHost.getParent())) {
                assertThat(files.filter(matcher::matches)).as("rule files %s", pattern.asText()).isNotEmpty();
            }
        }
        String amConfig = configFlag("alertmanager", "--config.file=", "/etc/alertmanager/alertmanager.yml");
        assertThat(hostPath("alertmanager", amConfig)).contains(ObservabilityFiles.path("prometheus/alertmanager.yml"));
        assertThat(ObservabilityFiles.yaml("prometheus/alertmanager.yml").path("route").path("receiver").asText()).isNotBlank();
    }

    private String configFlag(String serviceName, String flag, String otherwise) {
        for (JsonNode c : service(serviceName).path("command")) {
            if (c.asText().startsWith(flag)) {
                return c.asText().substring(flag.length());
            }
        }
        return otherwise;
    }

    @Test
    void theScrapeTargetIsTheMonitorServiceAndItsPort() {
        JsonNode job = null;
        for (JsonNode j : prometheus.path("scrape_configs")) {
            if (j.path("job_name").asText().equals("migration-monitor")) {
                job = j;
            }
        }
        assertThat(job).as("scrape job migration-monitor").isNotNull();
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        List<String> all = new ArrayList<>();
        job.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> all.add(t.asText())));
        assertThat(all).containsExactly("monitor:8080");
        assertHostPort(all.get(0), "monitor");
        assertThat(service("monitor").path("environment").path("MONITOR_HTTP_PORT").asText()).isEqualTo("8080");
    }

    @Test
    void theAlertmanagerTargetIsTheAlertmanagerService() {
        List<String> all = new ArrayList<>();
        prometheus.path("alerting").path("alertmanagers")
                .forEach(am -> am.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> all.add(t.asText()))));
        assertThat(all).containsExactly("alertmanager:9093");
        assertHostPort(all.get(0), "alertmanager");
    }

    @Test
    void theGrafanaDatasourceIsThePrometheusService() {
        JsonNode ds = ObservabilityFiles.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources").path(0);
        URI url = URI.create(ds.path("url").asText());
        assertThat(url.getScheme()).isEqualTo("http");
        assertHostPort(url.getHost() + ":" + url.getPort(), "prometheus");
    }

    @Test
    void grafanaLoadsTheDashboardsFolder() {
        assertThat(hostPath("grafana", "/etc/grafana/provisioning/datasources/prometheus.yml"))
                .contains(ObservabilityFiles.path("grafana/provisioning/datasources/prometheus.yml"));
        JsonNode provider = ObservabilityFiles.yaml("grafana/provisioning/dashboards/dashboards.yml").path("providers").path(0);
        Path dashboards = hostPath("grafana", provider.path("options").path("path").asText()).orElseThrow(
                () -> new AssertionError("the dashboards provider path is not mounted into grafana"));
        assertThat(dashboards).isEqualTo(ObservabilityFiles.path("grafana/dashboards"));
        assertThat(ObservabilityFiles.dashboards()).isNotEmpty();
    }

    /** host:port names a compose service (by service name or hostname) and a port that service listens on. */
    private void assertHostPort(String hostPort, String expectedService) {
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        JsonNode s = service(expectedService);
        assertThat(List.of(expectedService, s.path("hostname").asText(expectedService))).as("host of %s", hostPort)
                .contains(host);
        assertThat(containerPorts(expectedService)).as("container ports of %s", expectedService).contains(port);
    }
}
