package nl.abu.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.ingest.Rejection;
import nl.abu.monitor.ingest.RejectionReason;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.jsonl.LineError;
import nl.abu.monitor.tools.jsonl.ParsedRecord;
import org.junit.jupiter.api.Test;

/**
 * Guards the hand-crafted dataset of {@link LanguageReplayIT}: the lines meant to be invalid are exactly the ones
 * the JSON-lines reader reports, and the records meant for the dead-letter topic are exactly the ones the
 * contract's validity rules reject (with the intended reason). Everything else must be a valid record, so the
 * hand-worked figures of the IT rest on the intended input.
 */
class LanguageReplayDatasetTest {

    private static final String STAYS = "abu.worker-stays.v1.jsonl";
    private static final String ENROLMENTS = "abu.language-enrolments.v1.jsonl";

    /** The dataset folder, as copied to the test classpath. */
    static Path dataset() throws URISyntaxException {
        URL url = LanguageReplayDatasetTest.class.getResource("/replay/language");
        assertThat(url).as("dataset on the test classpath").isNotNull();
        return Path.of(url.toURI());
    }

    @Test
    void givenTheLanguageDataset_whenReadAndValidated_thenOnlyTheDeliberatelyBadLinesFail() throws Exception {
        // given
        JsonLinesFolder folder = JsonLinesFolder.open(dataset());
        RecordValidator validator = new RecordValidator(() -> LocalDate.parse("2025-12-31"));

        // when
        Map<String, String> lineErrors = new TreeMap<>();
        Map<String, RejectionReason> rejections = new TreeMap<>();
        int records;
        try (Stream<JsonLine> lines = folder.lines()) {
            List<JsonLine> all = lines.toList();
            records = all.size();
            for (JsonLine line : all) {
                String where = line.fileName() + ":" + line.lineNumber();
                if (line instanceof LineError error) {
                    lineErrors.put(where, error.reason());
                } else if (line instanceof ParsedRecord record) {
                    Optional<Rejection> rejection = validator.validate(record.topic(), record.key(), record.value());
                    rejection.ifPresent(r -> rejections.put(where, r.reason()));
                }
            }
        }

        // then
        assertThat(folder.unknownFiles()).isEmpty();
        assertThat(records).isEqualTo(3 + 43 + 30);
        assertThat(lineErrors).containsOnlyKeys(
                STAYS + ":6", STAYS + ":20", STAYS + ":31",
                ENROLMENTS + ":15", ENROLMENTS + ":21", ENROLMENTS + ":27");
        assertThat(lineErrors.get(STAYS + ":6")).contains("missing required field 'municipality'");
        assertThat(lineErrors.get(STAYS + ":20")).contains("field 'sector': unknown symbol");
        assertThat(lineErrors.get(STAYS + ":31")).contains("not a date");
        assertThat(lineErrors.get(ENROLMENTS + ":15")).contains("field 'status': unknown symbol");
        assertThat(lineErrors.get(ENROLMENTS + ":21")).contains("missing required field 'duringWorkingHours'");
        assertThat(lineErrors.get(ENROLMENTS + ":27")).contains("not a date");
        assertThat(rejections).containsExactlyInAnyOrderEntriesOf(Map.of(
                STAYS + ":4", RejectionReason.LOOKS_LIKE_BSN,
                STAYS + ":5", RejectionReason.KEY_MISMATCH,
                STAYS + ":23", RejectionReason.INVALID_FORMAT,
                STAYS + ":39", RejectionReason.DEPARTURE_BEFORE_ARRIVAL,
                ENROLMENTS + ":2", RejectionReason.LOOKS_LIKE_BSN,
                ENROLMENTS + ":16", RejectionReason.KEY_MISMATCH));
    }
}
