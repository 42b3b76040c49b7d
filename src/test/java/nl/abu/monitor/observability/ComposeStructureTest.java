package nl.abu.monitor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * docker-compose.yml agrees with the files it mounts and with the addresses in prometheus/prometheus.yml and
 * grafana/provisioning/; it works from a clone (the monitor image is built from the Dockerfile, every image is
 * pinned, to the versions of pom.xml and of promtool). Nothing is run: this machine has no Docker engine.
 */
class ComposeStructureTest {
    /**
     * The promtool of CI: Debian bookworm's {@code prometheus} package, 2.42.0+ds (bin/test installs it). Used when
     * promtool is not on the PATH; the Prometheus image must have its major version.
     */
    static final String CI_PROMTOOL_VERSION = "2.42.0";

    private final JsonNode compose = ObservabilityFiles.yaml("docker-compose.yml");
    private final JsonNode prometheus = ObservabilityFiles.yaml("prometheus/prometheus.yml");

    /** An image reference {@code [registry/]repository[:tag][@digest]}; tag empty when there is none. */
    record Image(String repository, String tag) {
        static Image parse(String reference) {
            String name = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                return new Image(name.substring(0, colon), name.substring(colon + 1));
            }
            return new Image(name, "");
        }
    }

    private Image image(String serviceName) {
        return Image.parse(service(serviceName).path("image").asText());
    }

    /** A property of pom.xml ({@code version} for the project's version), by a plain XML parse. */
    static String pom(String property) {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ObservabilityFiles.path("pom.xml").toFile());
            Element project = pom.getDocumentElement();
            if (property.equals("version")) {
                return child(project, "version").getTextContent().trim();
            }
            return child(child(project, "properties"), property).getTextContent().trim();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + property + " from pom.xml", e);
        }
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("pom.xml has no <" + name + "> in <" + parent.getTagName() + ">");
    }

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
            // Nothing from the build output: a fresh clone has no target/ (the image is built from the Dockerfile).
            assertThat(m.source()).as("%s mounts the build output", m.service()).doesNotStartWith("./target");
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

    @Test
    void everyImageIsPinned() {
        // given every service of docker-compose.yml
        List<String> names = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("kafka", "schema-registry", "monitor", "feeder", "prometheus", "alertmanager",
                "grafana");
        for (String name : names) {
            // when its image reference is parsed
            Image image = image(name);
            // then it names an explicit tag, and not one that moves
            assertThat(image.repository()).as("image of %s", name).isNotBlank();
            assertThat(image.tag()).as("tag of the image of %s (%s)", name, service(name).path("image").asText())
                    .isNotBlank().isNotEqualTo("latest").doesNotContain("${");
        }
    }

    @Test
    void theBrokerAndTheRegistryAreTheVersionsOfThePom() {
        // given the versions the code and the tests are built and run with
        String kafka = pom("kafka.version");
        String apicurio = pom("apicurio.version");
        // then the Compose broker and registry are those
        assertThat(image("kafka")).isEqualTo(new Image("apache/kafka", kafka));
        assertThat(image("schema-registry")).isEqualTo(new Image("apicurio/apicurio-registry-mem", apicurio));
        // and the monitor's own image carries the project's version
        assertThat(image("monitor")).isEqualTo(new Image("migration-monitor", pom("version")));
    }

    @Test
    void prometheusHasTheMajorVersionOfPromtool() {
        // given the promtool that checks prometheus.yml and the rules: the one on the PATH, else CI's
        String promtool = promtoolVersion().orElse(CI_PROMTOOL_VERSION);
        // when the Prometheus image's tag is read as a version
        Image image = image("prometheus");
        assertThat(image.repository()).isEqualTo("prom/prometheus");
        assertThat(image.tag()).as("tag of prom/prometheus").matches("v\\d+\\.\\d+\\.\\d+");
        // then the server runs the same major version as the tool checked
        assertThat(major(image.tag().substring(1))).as("major version of %s against promtool %s", image.tag(), promtool)
                .isEqualTo(major(promtool));
        assertThat(image("alertmanager").repository()).isEqualTo("prom/alertmanager");
    }

    private static int major(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /** {@code promtool --version} of $PROMTOOL or the promtool on the PATH; empty when there is none. */
    static Optional<String> promtoolVersion() {
        String env = System.getenv("PROMTOOL");
        Optional<Path> binary = env != null && !env.isBlank() ? Optional.of(Path.of(env))
                : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(d -> !d.isBlank())
                        .map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(binary.get().toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool --version finished").isTrue();
            // "promtool, version 2.42.0+ds (branch: debian/sid, ...)"
            Matcher m = Pattern.compile("version (\\d+\\.\\d+\\.\\d+)").matcher(out);
            assertThat(m.find()).as("a version in: %s", out).isTrue();
            return Optional.of(m.group(1));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + binary.get() + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void theMonitorIsBuiltFromTheDockerfileWithTheMavenWrapper() throws IOException {
        // given the monitor's build: a context folder, or one with a dockerfile
        JsonNode build = service("monitor").path("build");
        assertThat(build.isMissingNode()).as("monitor has a build").isFalse();
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        String dockerfileName = build.isTextual() ? "Dockerfile" : build.path("dockerfile").asText("Dockerfile");
        Path dockerfile = ObservabilityFiles.root().resolve(context).resolve(dockerfileName).normalize();
        // when the Dockerfile is read
        assertThat(dockerfile).as("the monitor's Dockerfile").isRegularFile();
        List<String> lines = Files.readAllLines(dockerfile);
        List<String> froms = lines.stream().filter(l -> l.matches("(?i)FROM\\s+.*")).toList();
        // then it builds in one stage and runs in another, both on pinned images
        assertThat(froms).as("FROM stages of %s", dockerfile).hasSizeGreaterThanOrEqualTo(2);
        for (String from : froms) {
            String reference = from.trim().split("\\s+")[1];
            assertThat(Image.parse(reference).tag()).as("tag in '%s'", from).isNotBlank().isNotEqualTo("latest");
        }
        // and it builds the jar from source with the Maven wrapper, tests skipped
        assertThat(lines).as("a RUN of ./mvnw package").anyMatch(l -> l.matches("RUN .*\\./mvnw .*package.*"));
        // and everything it copies from the build context is in the repository
        for (String line : lines) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                String[] words = line.trim().split("\\s+");
                for (int i = 1; i < words.length - 1; i++) {
                    assertThat(ObservabilityFiles.root().resolve(context).resolve(words[i])).as("COPY source of '%s'", line)
                            .exists();
                }
            }
        }
        // and it runs the jar, `run` unless the service says otherwise
        assertThat(lines).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/migration-monitor.jar\"]",
                "CMD [\"run\"]");
        assertThat(service("monitor").path("command").path(0).asText("run")).isEqualTo("run");
    }

    @Test
    void theFeederIsInTheDemoProfileAndStartsOnceTheMonitorIsReady() throws IOException {
        // given the feeder service
        JsonNode feeder = service("feeder");
        // then `docker compose up` leaves it out and `docker compose --profile demo up` starts it
        assertThat(feeder.path("profiles")).as("profiles of feeder").hasSize(1);
        assertThat(feeder.path("profiles").path(0).asText()).isEqualTo("demo");
        assertThat(service("monitor").path("profiles").isMissingNode()).as("monitor has no profile").isTrue();
        // and it runs the monitor's image, built from the same Dockerfile
        assertThat(feeder.path("image").asText()).isEqualTo(service("monitor").path("image").asText());
        assertThat(feeder.path("build")).isEqualTo(service("monitor").path("build"));
        // and it waits for the monitor to be ready: the monitor creates the topics, the broker none
        assertThat(feeder.path("depends_on").path("monitor").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(service("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        // and it publishes to the broker and registry the monitor reads
        for (String key : List.of("MONITOR_BOOTSTRAP_SERVERS", "MONITOR_SCHEMA_REGISTRY_URL")) {
            assertThat(feeder.path("environment").path(key).asText()).as(key)
                    .isEqualTo(service("monitor").path("environment").path(key).asText());
        }
        // and its script is the one the Dockerfile puts into the image
        String script = feeder.path("entrypoint").path(feeder.path("entrypoint").size() - 1).asText();
        assertThat(Files.readAllLines(ObservabilityFiles.path("Dockerfile")))
                .anyMatch(l -> l.matches("COPY \\S+ " + Pattern.quote(script)));
        assertThat(ObservabilityFiles.path("docker/feeder.sh")).isRegularFile();
        assertThat(Files.readString(ObservabilityFiles.path("docker/feeder.sh"))).contains(" simulate ", " publish ");
    }

    @Test
    void grafanaHasAnAlertmanagerDatasourceAndAnonymousViewers() {
        // given every provisioned datasource
        List<JsonNode> datasources = new ArrayList<>();
        try (Stream<Path> files = Files.list(ObservabilityFiles.path("grafana/provisioning/datasources"))) {
            files.filter(f -> f.toString().endsWith(".yml")).sorted()
                    .forEach(f -> ObservabilityFiles.yaml(f).path("datasources").forEach(datasources::add));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // when the Alertmanager one is picked
        List<JsonNode> alertmanagers = datasources.stream().filter(d -> d.path("type").asText().equals("alertmanager"))
                .toList();
        assertThat(alertmanagers).as("alertmanager datasources").hasSize(1);
        JsonNode ds = alertmanagers.get(0);
        // then it is the alertmanager service, a Prometheus Alertmanager
        URI url = URI.create(ds.path("url").asText());
        assertThat(url.getScheme()).isEqualTo("http");
        assertHostPort(url.getHost() + ":" + url.getPort(), "alertmanager");
        assertThat(ds.path("jsonData").path("implementation").asText()).isEqualTo("prometheus");
        // and the Prometheus datasource keeps the uid the dashboards use
        assertThat(datasources).anyMatch(d -> d.path("type").asText().equals("prometheus")
                && d.path("uid").asText().equals("prometheus"));
        // and Grafana shows the dashboards to anyone, read-only, with an admin login
        JsonNode env = service("grafana").path("environment");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("true");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText()).isEqualTo("Viewer");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").asText()).isNotBlank();
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
