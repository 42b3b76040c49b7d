package nl.abu.monitor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;

/**
 * JSON lines that put a BSN-like number (nine digits passing the eleven-test) into fields other than workerRef:
 * ids that are part of a key (accepted: the contract checks only workerRef), formatted fields (rejected), enum,
 * date and timestamp fields (lines that do not parse), the Kafka key, and a line that is not JSON.
 */
final class BsnProbeLines {
    static final String RAW_VALUE_BSN = "467279627";
    private static final String W = "w_probe_privacy_0001";

    private BsnProbeLines() {
    }

    static final Map<String, List<String>> LINES = Map.of(
            Topics.MEMBERS, List.of(
                    line("162275869", "{\"memberId\": \"162275869\", \"name\": \"Agency B.V.\", "
                            + "\"fairEmploymentCode\": true, \"province\": \"PV27\", \"recordedAt\": \"2025-01-02T09:00:00Z\"}")),
            Topics.WORKER_STAYS, List.of(
                    line("A-NOFEC/725763863", stay("725763863", "PL", "LOGISTICS", "GM0363", "2025-03-01")),
                    line("A-NOFEC/PB3", stay("PB3", "691682483", "LOGISTICS", "GM0363", "2025-03-01")),
                    line("A-NOFEC/PB5", stay("PB5", "PL", "688136138", "GM0363", "2025-03-01")),
                    line("A-NOFEC/PB7", stay("PB7", "PL", "LOGISTICS", "GM0363", "321146487")),
                    line("883235912", stay("PB9", "PL", "LOGISTICS", "GM0363", "2025-03-01")),
                    "{\"key\": \"A-NOFEC/PB11\", 467279627}"),
            Topics.LANGUAGE_ENROLMENTS, List.of(
                    line("A-NOFEC/PB6", "{\"memberId\": \"A-NOFEC\", \"enrolmentId\": \"PB6\", \"workerRef\": \"" + W
                            + "\", \"status\": \"864623112\", \"startedOn\": null, \"duringWorkingHours\": true, "
                            + "\"doorzaamSubsidy\": false, \"recordedAt\": \"2025-03-02T09:00:00Z\"}"),
                    line("A-NOFEC/PB10", "{\"memberId\": \"A-NOFEC\", \"enrolmentId\": \"PB10\", \"workerRef\": "
                            + "\"178598835\", \"status\": \"ACTIVE\", \"startedOn\": \"2025-03-05\", \"duringWorkingHours\": "
                            + "true, \"doorzaamSubsidy\": false, \"recordedAt\": \"2025-03-06T09:00:00Z\"}")),
            Topics.EURES_PLACEMENTS, List.of(
                    line("A-FEC1/PB8", "{\"memberId\": \"A-FEC1\", \"placementId\": \"PB8\", \"workerRef\": null, "
                            + "\"originCountry\": \"RO\", \"sector\": \"LOGISTICS\", \"placedOn\": \"2025-03-01\", "
                            + "\"status\": \"PLACED\", \"recordedAt\": \"187891151\"}")),
            Topics.BRP_REGISTRATIONS, List.of(
                    line("A-NOFEC/PB4/BRP_REGISTRATION", "{\"memberId\": \"A-NOFEC\", \"stayId\": \"PB4\", \"workerRef\": \""
                            + W + "\", \"kind\": \"BRP_REGISTRATION\", \"municipality\": \"987825707\", "
                            + "\"effectiveDate\": \"2025-03-03\", \"recordedAt\": \"2025-03-03T09:00:00Z\"}")),
            Topics.PKS_HOUSING_RATINGS, List.of(
                    line("A-FEC1/192285142/2025-04-01", "{\"memberId\": \"A-FEC1\", \"housingUnitRef\": \"192285142\", "
                            + "\"municipality\": \"GM0599\", \"ratedOn\": \"2025-04-01\", \"certification\": \"SNF\", "
                            + "\"pksPoints\": 150, \"occupants\": 2, \"weeklyRentCents\": 9000, "
                            + "\"maxWeeklyRentCents\": 11000, \"recordedAt\": \"2025-04-01T09:00:00Z\"}")));

    /** Appends the probe lines to the {@code <topic>.jsonl} files of {@code folder}. */
    static void appendTo(Path folder) throws IOException {
        for (Map.Entry<String, List<String>> e : LINES.entrySet()) {
            Files.write(folder.resolve(e.getKey() + ".jsonl"), e.getValue(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static String line(String key, String value) {
        return "{\"key\": \"" + key + "\", \"value\": " + value + "}";
    }

    private static String stay(String stayId, String nationality, String sector, String municipality, String arrival) {
        return "{\"memberId\": \"A-NOFEC\", \"stayId\": \"" + stayId + "\", \"workerRef\": \"" + W + "\", "
                + "\"nationality\": \"" + nationality + "\", \"sector\": \"" + sector + "\", \"municipality\": \""
                + municipality + "\", \"arrivalDate\": \"" + arrival + "\", \"departureDate\": null, "
                + "\"recordedAt\": \"2025-03-01T10:00:00Z\"}";
    }
}
