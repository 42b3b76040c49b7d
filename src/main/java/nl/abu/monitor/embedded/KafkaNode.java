package nl.abu.monitor.embedded;

import kafka.tools.StorageTool;

/**
 * Main class of the broker child JVM: formats the storage, then runs the broker. Doing both
 * in one JVM saves a JVM start, and {@code StorageTool.main} would call System.exit anyway.
 *
 * <p>Arguments: {@code <server.properties> <cluster-id>}.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KafkaNode <server.properties> <cluster-id>");
        }
        String serverProperties = args[0];
        String clusterId = args[1];
        int status = StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", serverProperties, "--ignore-formatted"},
                System.out);
        if (status != 0) {
            throw new IllegalStateException("Formatting the storage failed with status " + status);
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }
}
