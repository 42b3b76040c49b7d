package nl.abu.monitor.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.abu.monitor.contract.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs docs/security.md lists, as {@link AclBinding}s: what {@code SecureClusterIT} grants (and nothing more),
 * and what {@code SecurityDocTest} finds, as kafka-acls.sh commands, in the document.
 */
final class RequiredAcls {
    private RequiredAcls() {
    }

    /**
     * A member's system (or {@code publish --member} on its behalf), principal {@code User:member-<memberId>}: write
     * its own input topics (contract 9.1, the prefix {@code abu.member.<memberId>.}) and read its feedback topic
     * (9.2), in a consumer group of its own prefix; nothing else. The shared input topics are the ABU's loaders'.
     */
    static List<AclBinding> member(String memberId) {
        String principal = "User:member-" + memberId;
        String prefix = "abu.member." + memberId + ".";
        List<AclBinding> acls = new ArrayList<>(allow(principal, prefixed(ResourceType.TOPIC, prefix),
                AclOperation.WRITE, AclOperation.DESCRIBE));
        acls.addAll(allow(principal, literal(ResourceType.TOPIC, Topics.memberRejected(memberId)), AclOperation.READ));
        acls.addAll(allow(principal, prefixed(ResourceType.GROUP, prefix), AclOperation.READ));
        return acls;
    }

    /** The pipeline ({@code run}), which also creates its topics when they are missing. */
    static List<AclBinding> application(String principal, String applicationId) {
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : Topics.INPUTS) {
            acls.addAll(allow(principal, literal(ResourceType.TOPIC, topic), AclOperation.READ, AclOperation.DESCRIBE,
                    AclOperation.CREATE));
        }
        // Every member's own input topics, found by pattern (contract 9.1), and their feedback topics (9.2).
        acls.addAll(allow(principal, prefixed(ResourceType.TOPIC, "abu.member."), AclOperation.READ,
                AclOperation.WRITE, AclOperation.DESCRIBE));
        acls.addAll(allow(principal, literal(ResourceType.TOPIC, Topics.INDICATOR_TARGETS), AclOperation.READ,
                AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE));
        for (String topic : List.of(Topics.INDICATORS, Topics.INDICATOR_ALERTS, Topics.REJECTED)) {
            acls.addAll(allow(principal, literal(ResourceType.TOPIC, topic), AclOperation.WRITE, AclOperation.DESCRIBE,
                    AclOperation.CREATE));
        }
        // Kafka Streams' internal topics: changelogs and repartition topics, all named <application.id>-...
        acls.addAll(allow(principal, prefixed(ResourceType.TOPIC, applicationId + "-"), AclOperation.CREATE,
                AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DELETE));
        acls.addAll(allow(principal, literal(ResourceType.GROUP, applicationId), AclOperation.READ));
        // exactly_once_v2: one transactional producer per stream thread, its id prefixed with the application id
        acls.addAll(allow(principal, prefixed(ResourceType.TRANSACTIONAL_ID, applicationId + "-"), AclOperation.WRITE,
                AclOperation.DESCRIBE));
        return acls;
    }

    /** The bindings as kafka-acls.sh {@code --add} commands, one per principal and resource. */
    static List<String> kafkaAclsCommands(List<AclBinding> acls) {
        Map<String, List<String>> operationsByTarget = new TreeMap<>();
        for (AclBinding acl : acls) {
            String target = "--allow-principal " + acl.entry().principal() + " " + resourceOption(acl.pattern());
            operationsByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(operationName(acl.entry().operation()));
        }
        List<String> commands = new ArrayList<>();
        operationsByTarget.forEach((target, operations) -> commands.add("kafka-acls.sh --bootstrap-server $BOOTSTRAP "
                + "--command-config admin.properties --add " + target + " "
                + operations.stream().map(o -> "--operation " + o).collect(Collectors.joining(" "))));
        return commands;
    }

    private static String resourceOption(ResourcePattern pattern) {
        String option = switch (pattern.resourceType()) {
            case TOPIC -> "--topic " + pattern.name();
            case GROUP -> "--group " + pattern.name();
            case TRANSACTIONAL_ID -> "--transactional-id " + pattern.name();
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("not used here: " + pattern);
        };
        return pattern.patternType() == PatternType.PREFIXED ? option + " --resource-pattern-type prefixed" : option;
    }

    /** kafka-acls.sh spells operations in CamelCase: Read, Write, Describe, DescribeConfigs. */
    private static String operationName(AclOperation operation) {
        return java.util.Arrays.stream(operation.name().toLowerCase(java.util.Locale.ROOT).split("_"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
    }

    private static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }

    private static ResourcePattern prefixed(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.PREFIXED);
    }

    private static List<AclBinding> allow(String principal, ResourcePattern pattern, AclOperation... operations) {
        List<AclBinding> acls = new ArrayList<>();
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
        return acls;
    }
}
