package nl.abu.monitor.tools.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * What a client needs to reach a broker started with {@link EmbeddedKafka#startSecure(int)}: the SASL_SSL
 * bootstrap address, the truststore that holds the broker's certificate, and the credentials of the super user.
 *
 * @param bootstrapServers   the SASL_SSL listener
 * @param truststore         PKCS12, trusts the broker's self-signed certificate
 * @param truststorePassword of the truststore
 * @param adminUser          a SCRAM-SHA-512 user that is a super user (it bypasses every ACL)
 * @param adminPassword      its password
 */
public record SecureClientSettings(String bootstrapServers, Path truststore, String truststorePassword,
        String adminUser, String adminPassword) {

    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /** Client settings (bootstrap included) that log in as {@code user}; hostname verification stays on. */
    public Map<String, Object> clientProperties(String user, String password) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password),
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword,
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, BrokerTls.STORE_TYPE);
    }

    /** {@link #clientProperties} of the super user. */
    public Map<String, Object> adminProperties() {
        return clientProperties(adminUser, adminPassword);
    }

    /** The JAAS line of a SCRAM login; a {@code "} or {@code \} in the name or password is not supported. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "SecureClientSettings[" + bootstrapServers + ", truststore " + truststore + ", admin " + adminUser + "]";
    }
}
