package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.jsonl.JsonLine;
import nl.abu.monitor.jsonl.JsonLinesFolder;
import nl.abu.monitor.jsonl.JsonLinesReader;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.publish.PublishSummary;
import nl.abu.monitor.publish.Publisher;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "publish", description = "Publishes JSON-lines files (one per input topic, named <topic>.jsonl) as "
        + "Avro records in the Confluent wire format. Bad lines are reported with file, line and reason and "
        + "skipped; the exit code is 1 if there were any.")
final class PublishCommand implements Callable<Integer> {
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

    @Option(names = "--bootstrap", defaultValue = "${env:MONITOR_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $MONITOR_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--registry", defaultValue = "${env:MONITOR_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (default: $MONITOR_SCHEMA_REGISTRY_URL or ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--as-of", description = "The as-of date for the date-range rule (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        AsOfDate date = asOf == null ? AsOfDate.today(Clock.systemUTC()) : AsOfDate.fixed(asOf);
        PublishSummary summary;
        try (Publisher publisher = new Publisher(bootstrap, Map.of("schema.registry.url", registry), Map.of());
                Stream<JsonLine> lines = lines()) {
            summary = publisher.publish(lines, Optional.of(new RecordValidator(date)), System.err::println,
                    s -> System.err.println("... published " + s.published()));
        }
        System.out.println(summary);
        return summary.badLines() == 0 ? 0 : 1;
    }

    private Stream<JsonLine> lines() throws java.io.IOException {
        if (source.dir != null) {
            return JsonLinesFolder.open(source.dir).lines();
        }
        RecordValidator.typeOf(source.single.topic);
        return JsonLinesReader.forTopic(source.single.topic).read(source.single.file);
    }
}
