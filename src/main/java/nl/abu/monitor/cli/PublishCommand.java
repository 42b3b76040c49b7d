package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.abu.monitor.contract.ContractFormats;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.jsonl.JsonLinesReader;
import nl.abu.monitor.tools.publish.PublishSummary;
import nl.abu.monitor.tools.publish.Publisher;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "publish", description = "Publishes JSON-lines files (one per input topic, named <topic>.jsonl) as "
        + "Avro records in the Confluent wire format. Bad lines are reported with file, line and reason and "
        + "skipped; the exit code is 3 if there were any.")
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--dir", required = true, description = "A folder of <topic>.jsonl files.")
        Path dir;

        @ArgGroup(exclusive = false)
        SingleFile single;
    }

    static final class SingleFile {
        @Option(names = "--file", required = true, description = "One JSON-lines file.")
        Path file;

        @Option(names = "--topic", required = true, description = "The input topic the file is for.")
        String topic;
    }

    static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    static final String DEFAULT_REGISTRY = "http://localhost:8081";

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (default: bootstrap.servers of --config or "
            + "$MONITOR_BOOTSTRAP_SERVERS, else " + DEFAULT_BOOTSTRAP + ").")
    String bootstrap;

    @Option(names = "--registry", description = "Schema registry URL (default: schema.registry.url of --config or "
            + "$MONITOR_SCHEMA_REGISTRY_URL, else " + DEFAULT_REGISTRY + ").")
    String registry;

    @Option(names = "--config", description = "A properties file, as for run: kafka.* keys go to the producer "
            + "(e.g. kafka.security.protocol=SASL_SSL), schema.registry.* keys to the serializer; MONITOR_* "
            + "environment variables override it.")
    Path config;

    @Option(names = "--member", paramLabel = "MEMBER_ID", description = "Publish to this member's own topics "
            + "(abu.member.<memberId>.<name>.v1, contract 9.1) instead of the shared ones; records of other members, "
            + "and member profiles (the ABU's own topic), are refused.")
    String member;

    @Option(names = "--as-of", description = "The as-of date for the date-range rule (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        if (member != null && !ContractFormats.isMemberId(member)) {
            throw new ParameterException(spec.commandLine(), "--member: not a memberId (1-32 characters [A-Za-z0-9-])");
        }
        AsOfDate date = asOf == null ? AsOfDate.today(Clock.systemUTC()) : AsOfDate.fixed(asOf);
        MonitorConfig cfg = MonitorConfig.load(Optional.ofNullable(config), System.getenv());
        String bootstrapServers = bootstrap != null ? bootstrap
                : cfg.optional(MonitorConfig.BOOTSTRAP_SERVERS).orElse(DEFAULT_BOOTSTRAP);
        Map<String, Object> serdeConfig = cfg.serdeConfig();
        serdeConfig.put(MonitorConfig.SCHEMA_REGISTRY_URL, registry != null ? registry
                : cfg.optional(MonitorConfig.SCHEMA_REGISTRY_URL).orElse(DEFAULT_REGISTRY));
        PublishSummary summary;
        try (Publisher publisher = new Publisher(bootstrapServers, serdeConfig, cfg.kafkaClientOverrides());
                Stream<JsonLine> lines = lines()) {
            if (member != null) {
                publisher.toOwnTopicsOf(member);
            }
            summary = publisher.publish(lines, Optional.of(new RecordValidator(date)), System.err::println,
                    s -> System.err.println("... published " + s.published()));
        }
        System.out.println(summary);
        return summary.badLines() == 0 ? 0 : Main.EXIT_REFUSED_LINES;
    }

    private Stream<JsonLine> lines() throws java.io.IOException {
        if (source.dir != null) {
            return JsonLinesFolder.open(source.dir).lines();
        }
        return JsonLinesReader.forTopic(source.single.topic).read(source.single.file);
    }
}
