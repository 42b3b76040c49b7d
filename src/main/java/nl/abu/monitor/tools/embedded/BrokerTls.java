package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS certificate for a broker on 127.0.0.1 (subject {@link #SUBJECT}, SAN IP:127.0.0.1, so clients
 * keep hostname verification on), in a PKCS12 keystore, and a PKCS12 truststore that trusts only it. The key pair
 * is made with the JDK's own {@code keytool}, run as a process, since the JDK has no public API that makes a
 * certificate; the truststore with {@link KeyStore}.
 *
 * @param keystore   the broker's key and certificate
 * @param truststore the certificate alone, for clients (and for the broker's own controller connection)
 * @param password   of both stores and of the key
 */
public record BrokerTls(Path keystore, Path truststore, String password) {

    /** The certificate's subject; {@code User:CN=embedded-kafka} is the broker's own principal on the TLS listener. */
    public static final String SUBJECT = "CN=embedded-kafka";
    public static final String STORE_TYPE = "PKCS12";
    private static final String ALIAS = "kafka";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** Generates the key, the certificate and both stores in {@code dir}. */
    public static BrokerTls generate(Path dir) {
        String password = randomSecret();
        Path keystore = dir.resolve("kafka.keystore.p12");
        Path truststore = dir.resolve("kafka.truststore.p12");
        keytool("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", SUBJECT,
                "-ext", "SAN=IP:127.0.0.1", "-validity", "30", "-storetype", STORE_TYPE,
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        writeTruststore(keystore, truststore, password.toCharArray());
        return new BrokerTls(keystore, truststore, password);
    }

    private static void writeTruststore(Path keystore, Path truststore, char[] password) {
        try {
            KeyStore keys = KeyStore.getInstance(STORE_TYPE);
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, password);
            }
            KeyStore trust = KeyStore.getInstance(STORE_TYPE);
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trust.store(out, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new EmbeddedStartupException("Cannot write the truststore " + truststore + ": " + e.getMessage(), e);
        }
    }

    /** 128 random bits as hex: good enough for a password of a throw-away test broker. */
    static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedStartupException("keytool did not finish");
            }
            if (process.exitValue() != 0) {
                throw new EmbeddedStartupException("keytool failed with status " + process.exitValue()
                        + ": " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new EmbeddedStartupException("Cannot run keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while running keytool", e);
        }
    }
}
