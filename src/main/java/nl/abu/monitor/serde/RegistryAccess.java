package nl.abu.monitor.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the serdes authenticate to the schema registry and which certificates they trust on {@code https} URLs.
 * The key names are Confluent's, so one config map serves both serdes.
 *
 * @param authorization the value of the {@code Authorization} header (HTTP basic), if any
 * @param sslContext    trusting the configured truststore; empty: the JVM's default trust (its cacerts)
 */
public record RegistryAccess(Optional<String> authorization, Optional<SSLContext> sslContext) {

    /** {@code user:password} for HTTP basic authentication. */
    public static final String BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** The same under Confluent's unprefixed name (with {@code basic.auth.credentials.source=USER_INFO}). */
    public static final String BASIC_AUTH_USER_INFO_UNPREFIXED = "basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** Default PKCS12; Java 17 also reads a JKS file under that type. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    public static RegistryAccess none() {
        return new RegistryAccess(Optional.empty(), Optional.empty());
    }

    static RegistryAccess from(Map<String, ?> config) {
        Optional<String> userInfo = value(config, BASIC_AUTH_USER_INFO).or(() -> value(config, BASIC_AUTH_USER_INFO_UNPREFIXED));
        Optional<String> authorization = userInfo.map(info -> "Basic "
                + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        Optional<SSLContext> ssl = value(config, SSL_TRUSTSTORE_LOCATION).map(location -> trusting(Path.of(location),
                value(config, SSL_TRUSTSTORE_PASSWORD).orElse(""), value(config, SSL_TRUSTSTORE_TYPE).orElse("PKCS12")));
        return new RegistryAccess(authorization, ssl);
    }

    private static SSLContext trusting(Path truststore, String password, String type) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore trusted = KeyStore.getInstance(type);
            trusted.load(in, password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(SSL_TRUSTSTORE_LOCATION, truststore.toString(),
                    "cannot be read as a " + type + " truststore: " + e.getMessage());
        }
    }

    private static Optional<String> value(Map<String, ?> config, String key) {
        return Optional.ofNullable(config.get(key)).map(Object::toString).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "RegistryAccess[basic auth " + (authorization.isPresent() ? "set" : "none") + ", truststore "
                + (sslContext.isPresent() ? "configured" : "JVM default") + "]";
    }
}
