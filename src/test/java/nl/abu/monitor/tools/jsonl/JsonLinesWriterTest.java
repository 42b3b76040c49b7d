package nl.abu.monitor.tools.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import nl.abu.monitor.contract.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class JsonLinesWriterTest {

    @Test
    void givenAStay_whenWritten_thenTheLineHasTheContractFormat() {
        String line = JsonLinesWriter.line("M0001/S-88213", SampleRecords.stay());

        assertThat(line).isEqualTo("{\"key\":\"M0001/S-88213\",\"value\":{\"memberId\":\"M0001\",\"stayId\":\"S-88213\","
                + "\"workerRef\":\"w_7f3a9c0d2e4b61aa\",\"nationality\":\"PL\",\"sector\":\"LOGISTICS\","
                + "\"municipality\":\"GM0363\",\"arrivalDate\":\"2025-02-03\",\"departureDate\":null,"
                + "\"recordedAt\":\"2025-02-04T08:15:00Z\"}}");
    }

    @Test
    void givenATombstone_whenWritten_thenItCarriesRecordedAtAtTheTopLevel() {
        String line = JsonLinesWriter.tombstoneLine("M0001/S-88213", Instant.parse("2025-03-10T09:00:00Z"));

        assertThat(line).isEqualTo("{\"key\":\"M0001/S-88213\",\"value\":null,\"recordedAt\":\"2025-03-10T09:00:00Z\"}");
    }

    @Test
    void givenEveryRecordType_whenWrittenAndReadBack_thenTheRecordsAreEqual() {
        roundTrips(Topics.MEMBERS, "M0001", SampleRecords.member());
        roundTrips(Topics.WORKER_STAYS, "M0001/S-88213", SampleRecords.stay());
        roundTrips(Topics.LANGUAGE_ENROLMENTS, "M0001/E-1", SampleRecords.enrolment());
        roundTrips(Topics.EURES_PLACEMENTS, "M0001/P-1", SampleRecords.placement());
        roundTrips(Topics.BRP_REGISTRATIONS, "M0001/S-88213/BRP_REGISTRATION", SampleRecords.registration());
        roundTrips(Topics.PKS_HOUSING_RATINGS, "M0001/H-12/2025-04-01", SampleRecords.rating());
    }

    @Test
    void givenOptionalFieldsSet_whenWrittenAndReadBack_thenTheyAreKept() {
        var stay = SampleRecords.stay();
        stay.setDepartureDate(stay.getArrivalDate().plusMonths(6));
        var placement = SampleRecords.placement();
        placement.setWorkerRef("w_00112233445566aa");

        roundTrips(Topics.WORKER_STAYS, "M0001/S-88213", stay);
        roundTrips(Topics.EURES_PLACEMENTS, "M0001/P-1", placement);
    }

    @Test
    void givenAWriterOverAStream_whenValuesAndTombstonesAreWritten_thenEachIsOneLineReadBackInOrder() throws Exception {
        StringWriter text = new StringWriter();
        try (JsonLinesWriter writer = new JsonLinesWriter(text)) {
            writer.write("M0001/S-88213", SampleRecords.stay());
            writer.write("M0001/S-88213", null, Instant.parse("2025-03-10T09:00:00Z"));
        }

        List<JsonLine> lines = JsonLinesReader.forTopic(Topics.WORKER_STAYS)
                .read("stays.jsonl", new java.io.BufferedReader(new java.io.StringReader(text.toString()))).toList();

        assertThat(text.toString().split("\n")).hasSize(2);
        assertThat(lines).allMatch(ParsedRecord.class::isInstance);
        assertThat(((ParsedRecord) lines.get(0)).value()).isEqualTo(SampleRecords.stay());
        assertThat(((ParsedRecord) lines.get(1)).isTombstone()).isTrue();
        assertThat(((ParsedRecord) lines.get(1)).timestamp()).isEqualTo(Instant.parse("2025-03-10T09:00:00Z"));
    }

    private static void roundTrips(String topic, String key, SpecificRecord value) {
        JsonLine read = JsonLinesReader.forTopic(topic).parseLine("f", 1, JsonLinesWriter.line(key, value));

        assertThat(read).isInstanceOf(ParsedRecord.class);
        ParsedRecord record = (ParsedRecord) read;
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(value);
        assertThat(record.timestamp()).isEqualTo(value.get(value.getSchema().getField("recordedAt").pos()));
    }
}
