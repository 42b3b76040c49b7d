package nl.abu.monitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.tools.embedded.BrokerTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry client with HTTP basic authentication and a truststore of its own, against a JDK HTTP(S) server. */
class RegistryAccessTest {
    private static final String SCHEMA_ANSWER = "{\"schema\":" + TextNode.valueOf(WorkerStay.getClassSchema().toString())
            + "}";
    private static final RetryPolicy GIVE_UP_AT_ONCE = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(10),
            Duration.ZERO);

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheConfiguredUserInfoAsBasicAuthentication() throws IOException {
        // given a registry that wants user "member" with password "s3cret"
        String expected = "Basic " + Base64.getEncoder().encodeToString("member:s3cret".getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answerIfAuthorized(exchange, expected));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();

        // when the client has the user info, then it gets the schema
        SchemaRegistryClient withCredentials = AvroSerdeConfig.client(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
                RegistryAccess.BASIC_AUTH_USER_INFO, "member:s3cret"));
        assertThat(withCredentials.schemaById(1)).isEqualTo(WorkerStay.getClassSchema());
        assertThat(authorizations).containsExactly(expected);
        // and without it, the registry's 401 is an error, not retried
        SchemaRegistryClient without = AvroSerdeConfig.client(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url));
        assertThatThrownBy(() -> without.schemaById(1)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("refused");
        assertThat(RegistryAccess.from(Map.of(RegistryAccess.BASIC_AUTH_USER_INFO, "member:s3cret")).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void trustsAnHttpsRegistryThroughTheConfiguredTruststoreOnly(@TempDir Path dir) throws Exception {
        // given an https registry on 127.0.0.1 with a self-signed certificate
        BrokerTls tls = BrokerTls.generate(dir);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext(tls)));
        https.createContext("/", exchange -> answerIfAuthorized(exchange, null));
        https.start();
        server = https;
        String url = "https://127.0.0.1:" + https.getAddress().getPort();

        // when the client trusts the certificate through the truststore settings, then it gets the schema
        SchemaRegistryClient trusting = AvroSerdeConfig.client(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
                RegistryAccess.SSL_TRUSTSTORE_LOCATION, tls.truststore().toString(),
                RegistryAccess.SSL_TRUSTSTORE_PASSWORD, tls.password()));
        assertThat(trusting.schemaById(1)).isEqualTo(WorkerStay.getClassSchema());
        // and with the JVM's default trust the handshake fails
        HttpSchemaRegistryClient defaultTrust = new HttpSchemaRegistryClient(List.of(url), GIVE_UP_AT_ONCE,
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> defaultTrust.schemaById(1)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    private void answerIfAuthorized(HttpExchange exchange, String expectedAuthorization) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        boolean allowed = expectedAuthorization == null || expectedAuthorization.equals(authorization);
        byte[] body = (allowed ? SCHEMA_ANSWER : "{\"error_code\":401,\"message\":\"Unauthorized\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static SSLContext serverContext(BrokerTls tls) throws Exception {
        KeyStore keys = KeyStore.getInstance(BrokerTls.STORE_TYPE);
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            keys.load(in, tls.password().toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, tls.password().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
