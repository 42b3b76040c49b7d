package nl.abu.monitor.output.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.AsOfDate;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request the API cannot answer gets a status and a JSON body that names the problem, before any store is read:
 * the server here has no pipeline behind it, so any request that got past the checks would fail with a 500.
 */
class BadRequestsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitorHttpServer server;

    BadRequestsTest() throws Exception {
        server = new MonitorHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server.attach(() -> true, new IndicatorQueries(null, new HostInfo("127.0.0.1", server.port()), Map.of(),
                () -> new IndicatorValues(Targets.contractDefaults(), 5), AsOfDate.fixed(LocalDate.of(2025, 12, 31)), 2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String error(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        return body.path("error").asText();
    }

    @Test
    void aMisspeltParameterIsNamed() throws Exception {
        HttpResponse<String> response = get("/api/indicators?perod=2025");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("unknown parameter 'perod'; the parameters are indicator, period and scope");
    }

    @Test
    void anUnknownIndicatorIsNamedWithTheKnownOnes() throws Exception {
        HttpResponse<String> response = get("/api/indicators/language_share/2025");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).startsWith("unknown indicator 'language_share'; the indicators are ")
                .contains("language_training_share");
    }

    @Test
    void aMalformedOrClosedPeriodIsNamed() throws Exception {
        HttpResponse<String> malformed = get("/api/indicators?period=20x5");
        HttpResponse<String> closed = get("/api/indicators?period=2019-Q1");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(error(malformed)).isEqualTo("period '20x5' is not a year (2025), a quarter (2025-Q3) or a month (2025-07)");
        assertThat(closed.statusCode()).isEqualTo(400);
        assertThat(error(closed)).isEqualTo("period 2019-Q1 is not open: the open periods run from 2024-01-01 to 2025-12-31");
    }

    @Test
    void aBadEscapeIsNamedInJson() throws Exception {
        // sent raw: java.net.URI, and so the JDK's HTTP client, refuses to send "%zz"
        for (String target : new String[] {"/api/indicators?scope=sector%zz", "/api/indicators/%zz/2025"}) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(response).as(target).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json");
            assertThat(JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).path("error").asText())
                    .as(target).contains("%");
        }
    }

    @Test
    void otherMethodsThanGetAre405() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/indicators"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(error(response)).isEqualTo("only GET is served");
    }

    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void unknownPathsAre404WithTheKnownPaths() throws Exception {
        for (String path : new String[] {"/", "/api/indicator", "/api/indicators/a/b/c", "/api/indicators/only"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(error(response)).as(path).startsWith("no such path");
        }
    }
}
