package nl.abu.monitor.tools.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.events.RegistrationKind;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesReaderTest {

    private static final String STAYS_FILE = "abu.worker-stays.v1.jsonl";
    private static final String STAY_VALUE = "{\"memberId\": \"M0001\", \"stayId\": \"S-88213\","
            + " \"workerRef\": \"w_7f3a9c0d2e4b61aa\", \"nationality\": \"PL\", \"sector\": \"LOGISTICS\","
            + " \"municipality\": \"GM0363\", \"arrivalDate\": \"2025-02-03\", %s"
            + " \"recordedAt\": \"2025-02-04T08:15:00Z\"}";

    private final JsonLinesReader stays = JsonLinesReader.forTopic(Topics.WORKER_STAYS);

    @Test
    void givenTheContractExampleStay_whenParsed_thenAllFieldsAreTyped() {
        String line = "{\"key\": \"M0001/S-88213\", \"value\": " + stayWith("\"departureDate\": null,") + "}";

        ParsedRecord parsed = parsed(stays.parseLine(STAYS_FILE, 1, line));

        assertThat(parsed.topic()).isEqualTo(Topics.WORKER_STAYS);
        assertThat(parsed.key()).isEqualTo("M0001/S-88213");
        assertThat(parsed.lineNumber()).isEqualTo(1);
        assertThat(parsed.value()).isEqualTo(new WorkerStay("M0001", "S-88213", "w_7f3a9c0d2e4b61aa", "PL",
                Sector.LOGISTICS, "GM0363", LocalDate.of(2025, 2, 3), null, Instant.parse("2025-02-04T08:15:00Z")));
        assertThat(parsed.timestamp()).isEqualTo(Instant.parse("2025-02-04T08:15:00Z"));
        assertThat(parsed.isTombstone()).isFalse();
    }

    @Test
    void givenAnOptionalFieldAbsent_whenParsed_thenItIsNull() {
        ParsedRecord parsed = parsed(stays.parseLine(STAYS_FILE, 3, line(stayWith(""))));

        assertThat(((WorkerStay) parsed.value()).getDepartureDate()).isNull();
    }

    @Test
    void givenAnOptionalFieldSet_whenParsed_thenItIsKept() {
        ParsedRecord parsed = parsed(stays.parseLine(STAYS_FILE, 3, line(stayWith("\"departureDate\": \"2025-09-30\","))));

        assertThat(((WorkerStay) parsed.value()).getDepartureDate()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void givenATimestampWithAnOffset_whenParsed_thenItIsTheSameInstant() {
        String value = stayWith("").replace("2025-02-04T08:15:00Z", "2025-02-04T09:15:00.250+01:00");

        ParsedRecord parsed = parsed(stays.parseLine(STAYS_FILE, 1, line(value)));

        assertThat(parsed.timestamp()).isEqualTo(Instant.parse("2025-02-04T08:15:00.250Z"));
    }

    @Test
    void givenATombstone_whenParsed_thenTheValueIsNullAndTheTimestampIsTheLinesRecordedAt() {
        String line = "{\"key\": \"M0001/S-88213\", \"value\": null, \"recordedAt\": \"2025-03-10T09:00:00Z\"}";

        ParsedRecord parsed = parsed(stays.parseLine(STAYS_FILE, 2, line));

        assertThat(parsed.isTombstone()).isTrue();
        assertThat(parsed.key()).isEqualTo("M0001/S-88213");
        assertThat(parsed.timestamp()).isEqualTo(Instant.parse("2025-03-10T09:00:00Z"));
    }

    @Test
    void givenEveryRecordType_whenParsed_thenEachBecomesItsSpecificRecord() {
        assertThat(parsed(JsonLinesReader.forTopic(Topics.MEMBERS).parseLine("m", 1,
                "{\"key\":\"M0001\",\"value\":{\"memberId\":\"M0001\",\"name\":\"Flex\",\"fairEmploymentCode\":true,"
                        + "\"recordedAt\":\"2025-01-01T00:00:00Z\"}}")).value())
                .isEqualTo(new Member("M0001", "Flex", true, null, Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(parsed(JsonLinesReader.forTopic(Topics.LANGUAGE_ENROLMENTS).parseLine("e", 1,
                "{\"key\":\"M0001/E-1\",\"value\":{\"memberId\":\"M0001\",\"enrolmentId\":\"E-1\","
                        + "\"workerRef\":\"w_7f3a9c0d2e4b61aa\",\"status\":\"COMPLETED\",\"startedOn\":\"2025-03-01\","
                        + "\"duringWorkingHours\":false,\"doorzaamSubsidy\":true,\"recordedAt\":\"2025-06-01T10:00:00Z\"}}")).value())
                .isEqualTo(new LanguageEnrolment("M0001", "E-1", "w_7f3a9c0d2e4b61aa", EnrolmentStatus.COMPLETED,
                        LocalDate.of(2025, 3, 1), false, true, Instant.parse("2025-06-01T10:00:00Z")));
        assertThat(parsed(JsonLinesReader.forTopic(Topics.EURES_PLACEMENTS).parseLine("p", 1,
                "{\"key\":\"M0001/P-1\",\"value\":{\"memberId\":\"M0001\",\"placementId\":\"P-1\",\"workerRef\":null,"
                        + "\"originCountry\":\"RO\",\"sector\":\"HORTICULTURE\",\"placedOn\":\"2025-01-20\","
                        + "\"status\":\"CANCELLED\",\"recordedAt\":\"2025-01-21T10:00:00Z\"}}")).value())
                .isEqualTo(new EuresPlacement("M0001", "P-1", null, "RO", Sector.HORTICULTURE, LocalDate.of(2025, 1, 20),
                        PlacementStatus.CANCELLED, Instant.parse("2025-01-21T10:00:00Z")));
        assertThat(parsed(JsonLinesReader.forTopic(Topics.BRP_REGISTRATIONS).parseLine("b", 1,
                "{\"key\":\"M0001/S-1/RNI_REGISTRATION\",\"value\":{\"memberId\":\"M0001\",\"stayId\":\"S-1\","
                        + "\"workerRef\":\"w_7f3a9c0d2e4b61aa\",\"kind\":\"RNI_REGISTRATION\",\"municipality\":\"GM0599\","
                        + "\"effectiveDate\":\"2025-02-05\",\"recordedAt\":\"2025-02-06T10:00:00Z\"}}")).value())
                .isEqualTo(new BrpRegistration("M0001", "S-1", "w_7f3a9c0d2e4b61aa", RegistrationKind.RNI_REGISTRATION,
                        "GM0599", LocalDate.of(2025, 2, 5), Instant.parse("2025-02-06T10:00:00Z")));
        assertThat(parsed(JsonLinesReader.forTopic(Topics.PKS_HOUSING_RATINGS).parseLine("h", 1,
                "{\"key\":\"M0001/H-12/2025-04-01\",\"value\":{\"memberId\":\"M0001\",\"housingUnitRef\":\"H-12\","
                        + "\"municipality\":\"GM1783\",\"ratedOn\":\"2025-04-01\",\"certification\":\"AKF\",\"pksPoints\":212,"
                        + "\"occupants\":4,\"weeklyRentCents\":11500,\"maxWeeklyRentCents\":12000,"
                        + "\"recordedAt\":\"2025-04-02T10:00:00Z\"}}")).value())
                .isEqualTo(new PksHousingRating("M0001", "H-12", "GM1783", LocalDate.of(2025, 4, 1),
                        HousingCertification.AKF, 212, 4, 11_500L, 12_000L, Instant.parse("2025-04-02T10:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown enum symbol     | {"key":"k","value":%s}                      | sector="MINING"           | field 'sector': unknown symbol, expected one of LOGISTICS, FOOD_PRODUCTION, HORTICULTURE, AGRICULTURE, CONSTRUCTION, METAL_AND_TECHNICAL, MANUFACTURING, OTHER
            missing required field  | {"key":"k","value":%s}                      | workerRef=<absent>        | missing required field 'workerRef'
            required field null     | {"key":"k","value":%s}                      | workerRef=<null>          | required field 'workerRef' is null
            wrong type              | {"key":"k","value":%s}                      | workerRef=123456782       | field 'workerRef': expected a string, got an integer
            malformed date          | {"key":"k","value":%s}                      | arrivalDate="3-2-2025"    | field 'arrivalDate': not a date YYYY-MM-DD
            impossible date         | {"key":"k","value":%s}                      | arrivalDate="2025-02-30"  | field 'arrivalDate': not a date YYYY-MM-DD
            timestamp without zone  | {"key":"k","value":%s}                      | recordedAt="2025-02-04T08:15:00" | field 'recordedAt': not an ISO-8601 instant with a zone offset
            unknown value field     | {"key":"k","value":%s}                      | colour="red"              | unknown field 'colour'
            key not a string        | {"key":7,"value":%s}                        | -                         | key must be a string
            key missing             | {"value":%s}                                | -                         | missing key
            value missing           | {"key":"k"}                                 | -                         | missing 'value' (null for a tombstone)
            value not an object     | {"key":"k","value":"x"}                     | -                         | value must be an object or null, got a string
            tombstone w/o recordedAt| {"key":"k","value":null}                    | -                         | tombstone without recordedAt
            bad tombstone recordedAt| {"key":"k","value":null,"recordedAt":"yesterday"} | -                   | recordedAt: not an ISO-8601 instant with a zone offset
            unknown top-level field | {"key":"k","value":null,"recordedAt":"2025-03-10T09:00:00Z","x":1} | -  | unknown top-level field 'x'
            duplicate field         | {"key":"k","key":"k2","value":null}         | -                         | not JSON: Duplicate field 'key'
            line not an object      | [1,2]                                       | -                         | a line must be a JSON object, got an array
            recordedAt disagreement | {"key":"k","value":%s,"recordedAt":"2025-01-01T00:00:00Z"} | -          | top-level recordedAt differs from the value's recordedAt
            """)
    void givenABadLine_whenParsed_thenTheErrorNamesFileLineAndReason(String caseName, String template,
                                                                    String change, String reason) {
        String line = template.contains("%s") ? template.replace("%s", stayChanged(change)) : template;

        JsonLine result = stays.parseLine(STAYS_FILE, 17, line);

        assertThat(result).isInstanceOf(LineError.class);
        assertThat(((LineError) result).message()).isEqualTo(STAYS_FILE + ":17: " + reason);
    }

    @Test
    void givenTextThatIsNotJson_whenParsed_thenTheReasonIsNotJson() {
        assertThat(stays.parseLine(STAYS_FILE, 4, "{\"key\": \"M0001/S-1\", \"value\": {")).hasToString(STAYS_FILE + ":4: not JSON");
        assertThat(stays.parseLine(STAYS_FILE, 5, "{\"key\":\"k\",\"value\":null} trailing")).hasToString(STAYS_FILE + ":5: not JSON");
    }

    @Test
    void givenAWronglyTypedWorkerRef_whenReported_thenTheValueIsNotEchoed() {
        JsonLine result = stays.parseLine(STAYS_FILE, 1, line(stayChanged("workerRef=123456782")));

        assertThat(((LineError) result).reason()).doesNotContain("123456782");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector=\"123456782\"", "arrivalDate=\"123456782\"", "recordedAt=\"123456782\""})
    void givenABsnInAnEnumDateOrTimestampField_whenReported_thenTheValueIsNotEchoed(String change) {
        JsonLine result = stays.parseLine(STAYS_FILE, 1, line(stayChanged(change)));

        assertThat(((LineError) result).reason()).startsWith("field '").doesNotContain("123456782");
    }

    @Test
    void givenAFileWithBlankAndBadLines_whenRead_thenLinesAreNumberedPhysicallyAndTheRestGoesOn() {
        String file = line(stayWith("")) + "\n\n   \n" + "oops\n" + line(stayWith("")).replace("S-88213", "S-2") + "\n";

        List<JsonLine> lines;
        try (Stream<JsonLine> stream = stays.read(STAYS_FILE, new BufferedReader(new StringReader(file)))) {
            lines = stream.toList();
        }

        assertThat(lines).extracting(JsonLine::lineNumber).containsExactly(1L, 4L, 5L);
        assertThat(lines.get(0)).isInstanceOf(ParsedRecord.class);
        assertThat(lines.get(1)).hasToString(STAYS_FILE + ":4: not JSON");
        assertThat(lines.get(2)).isInstanceOf(ParsedRecord.class);
    }

    private static String line(String value) {
        return "{\"key\": \"M0001/S-88213\", \"value\": " + value + "}";
    }

    private static String stayWith(String extraFields) {
        return String.format(STAY_VALUE, extraFields);
    }

    /** The sample stay with one field replaced ({@code name=json}), removed ({@code <absent>}) or nulled. */
    private static String stayChanged(String change) {
        String base = stayWith("");
        if (change.equals("-")) {
            return base;
        }
        String name = change.substring(0, change.indexOf('='));
        String json = change.substring(change.indexOf('=') + 1);
        String pattern = "\"" + name + "\": (\"[^\"]*\"|[^,}]*)";
        if (!base.matches("(?s).*" + pattern + ".*")) {
            return base.replace("{", "{\"" + name + "\": " + json + ", ");
        }
        if (json.equals("<absent>")) {
            return base.replaceFirst(pattern + ",\\s*", "");
        }
        return base.replaceFirst(pattern, "\"" + name + "\": " + (json.equals("<null>") ? "null" : json.replace("$", "\\$")));
    }

    private static ParsedRecord parsed(JsonLine line) {
        assertThat(line).as("parsed, not an error").isInstanceOf(ParsedRecord.class);
        return (ParsedRecord) line;
    }
}
