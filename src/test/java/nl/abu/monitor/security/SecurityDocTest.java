package nl.abu.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.abu.monitor.pipeline.StreamsProperties;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the ACLs that SecureClusterIT grants, as kafka-acls.sh commands. */
class SecurityDocTest {

    @Test
    void theDocumentListsEveryTestedAclAndNoOtherAclCommand() throws Exception {
        // given the document and the ACLs the secure-cluster test grants
        List<String> documented = Files.readAllLines(Path.of("docs", "security.md")).stream()
                .filter(line -> line.startsWith("kafka-acls.sh ")).toList();

        // when they are written as commands
        List<String> member = RequiredAcls.kafkaAclsCommands(RequiredAcls.member("M0001"));
        List<String> app = RequiredAcls.kafkaAclsCommands(RequiredAcls.application("User:monitor",
                StreamsProperties.DEFAULT_APPLICATION_ID));

        // then the document has each of them, and nothing else
        assertThat(member).hasSize(3);
        assertThat(app).hasSize(14);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(member.stream(), app.stream()).toList());
    }
}
