package nl.abu.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.tools.embedded.EmbeddedKafka;
import nl.abu.monitor.tools.embedded.KafkaSecurityAdmin;
import nl.abu.monitor.tools.embedded.SecureClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** Which feedback topics the pipeline copies dead letters to, on a real broker with and without an authorizer. */
class ListedFeedbackTopicsIT {
    private static final String ADMITTED = "M0001";

    @Test
    void givenABrokerWithoutAuthorizer_whenAMembersTopicsExist_thenItsFeedbackTopicIsListed() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                new TopicSetup(Optional.of(1), Optional.of((short) 1)).createMemberTopics(admin, ADMITTED);
            }

            try (ListedFeedbackTopics listed = ListedFeedbackTopics.start(props)) {
                assertThat(listed.exists(Topics.memberRejected(ADMITTED))).isTrue();
                assertThat(listed.exists(Topics.memberRejected("M0002"))).as("not admitted").isFalse();
                assertThat(listed.exists("abu.member.M0001.worker-stays.v1")).as("an input topic").isFalse();
            }
        }
    }

    @Test
    void givenAclsEnforced_whenThePipelineMayNotWriteAFeedbackTopic_thenItIsNotListed() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startSecure(0)) {
            SecureClientSettings secure = kafka.secureClientSettings().orElseThrow();
            try (Admin admin = Admin.create(secure.adminProperties())) {
                new TopicSetup(Optional.of(1), Optional.of((short) 1)).createMemberTopics(admin, ADMITTED);
                KafkaSecurityAdmin security = new KafkaSecurityAdmin(admin);
                security.createScramUser("reader", "reader-secret");
                security.createScramUser("writer", "writer-secret");
                security.createAcls(List.of(
                        allow("User:reader", AclOperation.READ), allow("User:reader", AclOperation.DESCRIBE),
                        allow("User:writer", AclOperation.READ), allow("User:writer", AclOperation.WRITE),
                        allow("User:writer", AclOperation.DESCRIBE)));
            }

            assertThat(listedAs(secure, "reader", "reader-secret")).as("READ and DESCRIBE only").isFalse();
            assertThat(listedAs(secure, "writer", "writer-secret")).as("with WRITE").isTrue();
        }
    }

    private static boolean listedAs(SecureClientSettings secure, String user, String password) {
        Properties props = new Properties();
        props.putAll(secure.clientProperties(user, password));
        try (ListedFeedbackTopics listed = ListedFeedbackTopics.start(props)) {
            return listed.exists(Topics.memberRejected(ADMITTED));
        }
    }

    private static AclBinding allow(String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, "abu.member.", PatternType.PREFIXED),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
