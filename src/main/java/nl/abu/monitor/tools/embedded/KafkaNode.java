package nl.abu.monitor.tools.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kafka.tools.StorageTool;

/**
 * Main class of the broker child JVM: formats the storage, then runs the broker. Doing both
 * in one JVM saves a JVM start, and {@code StorageTool.main} would call System.exit anyway.
 *
 * <p>Arguments: {@code <server.properties> <cluster-id> [format-args file]}; the file holds extra format arguments,
 * one per line, for example {@code --add-scram} and {@code SCRAM-SHA-512=[name=admin,password=...]} to give a secure
 * broker its super user.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: KafkaNode <server.properties> <cluster-id> [format-args file]");
        }
        String serverProperties = args[0];
        String clusterId = args[1];
        List<String> format = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config",
                serverProperties, "--ignore-formatted"));
        if (args.length == 3) {
            format.addAll(Files.readAllLines(Path.of(args[2])));
        }
        int status = StorageTool.execute(format.toArray(String[]::new), System.out);
        if (status != 0) {
            throw new IllegalStateException("Formatting the storage failed with status " + status);
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }
}
