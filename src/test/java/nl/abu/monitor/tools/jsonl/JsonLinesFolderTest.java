package nl.abu.monitor.tools.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import nl.abu.monitor.contract.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFolderTest {

    @TempDir
    Path folder;

    @Test
    void givenAWrittenFolder_whenRead_thenTopicsComeInInputOrderAndUnknownFilesAreReported() throws Exception {
        try (JsonLinesFolderWriter writer = JsonLinesFolderWriter.create(folder)) {
            writer.write(Topics.PKS_HOUSING_RATINGS, "M0001/H-12/2025-04-01", SampleRecords.rating(), null);
            writer.write(Topics.WORKER_STAYS, "M0001/S-88213", SampleRecords.stay(), null);
            writer.write(Topics.WORKER_STAYS, "M0001/S-88213", null, Instant.parse("2025-03-10T09:00:00Z"));
            writer.write(Topics.MEMBERS, "M0001", SampleRecords.member(), null);
        }
        Files.writeString(folder.resolve("abu.unknown.v1.jsonl"), "{}\n");
        Files.writeString(folder.resolve("notes.txt"), "hello\n");

        JsonLinesFolder input = JsonLinesFolder.open(folder);
        List<JsonLine> lines;
        try (Stream<JsonLine> stream = input.lines()) {
            lines = stream.toList();
        }

        assertThat(input.topicFiles()).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(Topics.INPUTS.stream().map(t -> t + ".jsonl").toList());
        assertThat(input.unknownFiles()).containsExactly("abu.unknown.v1.jsonl", "notes.txt");
        assertThat(lines).allMatch(ParsedRecord.class::isInstance);
        assertThat(lines).extracting(l -> ((ParsedRecord) l).topic())
                .containsExactly(Topics.MEMBERS, Topics.WORKER_STAYS, Topics.WORKER_STAYS, Topics.PKS_HOUSING_RATINGS);
    }

    @Test
    void givenAFolderWithOnlySomeTopics_whenRead_thenTheMissingOnesHaveNoRecords() throws Exception {
        Files.writeString(folder.resolve(Topics.MEMBERS + ".jsonl"), JsonLinesWriter.line("M0001", SampleRecords.member()) + "\n");

        JsonLinesFolder input = JsonLinesFolder.open(folder);

        assertThat(input.topicFiles()).hasSize(1);
        try (Stream<JsonLine> stream = input.lines()) {
            assertThat(stream.count()).isEqualTo(1);
        }
    }
}
