package nl.abu.monitor.tools.embedded;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Users and ACLs on a broker started with {@link EmbeddedKafka#startSecure(int)}, through an {@link Admin} logged in
 * as its super user ({@link SecureClientSettings#adminProperties()}).
 */
public final class KafkaSecurityAdmin {
    /** Kafka's default for SCRAM-SHA-512 (and the minimum it accepts). */
    private static final int SCRAM_ITERATIONS = 4096;

    private final Admin admin;

    public KafkaSecurityAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Creates (or changes the password of) a SCRAM-SHA-512 user; its principal is {@code User:<name>}. */
    public void createScramUser(String name, String password) throws InterruptedException {
        UserScramCredentialUpsertion upsertion = new UserScramCredentialUpsertion(name,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password);
        await(() -> admin.alterUserScramCredentials(List.of(upsertion)).all().get());
    }

    public void createAcls(Collection<AclBinding> acls) throws InterruptedException {
        await(() -> admin.createAcls(acls).all().get());
    }

    private interface Call {
        void run() throws InterruptedException, ExecutionException;
    }

    private static void await(Call call) throws InterruptedException {
        try {
            call.run();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
