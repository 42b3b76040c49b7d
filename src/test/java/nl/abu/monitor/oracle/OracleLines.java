package nl.abu.monitor.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds JSON-lines input (contract section 7) as raw strings, for the oracle's tests and the adversarial dataset.
 * Deliberately plain string formatting: no project code, no Avro.
 */
final class OracleLines {
    static final String MEMBERS = "abu.members.v1";
    static final String STAYS = "abu.worker-stays.v1";
    static final String ENROLMENTS = "abu.language-enrolments.v1";
    static final String PLACEMENTS = "abu.eures-placements.v1";
    static final String REGISTRATIONS = "abu.brp-registrations.v1";
    static final String RATINGS = "abu.pks-housing-ratings.v1";

    private final Map<String, List<String>> lines = new LinkedHashMap<>();

    static String q(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    /** Timestamps: a date alone means that day at 09:00Z; otherwise the ISO instant as given. */
    static String ts(String at) {
        return q(at.length() == 10 ? at + "T09:00:00Z" : at);
    }

    OracleLines raw(String topic, String line) {
        lines.computeIfAbsent(topic, t -> new ArrayList<>()).add(line);
        return this;
    }

    OracleLines record(String topic, String key, String valueJson) {
        return raw(topic, "{\"key\": " + q(key) + ", \"value\": " + valueJson + "}");
    }

    OracleLines tombstone(String topic, String key, String recordedAt) {
        return raw(topic, "{\"key\": " + q(key) + ", \"value\": null, \"recordedAt\": " + ts(recordedAt) + "}");
    }

    static String memberJson(String m, boolean fec, String recordedAt) {
        return "{\"memberId\": " + q(m) + ", \"name\": \"Agency " + m + " B.V.\", \"fairEmploymentCode\": " + fec
                + ", \"province\": \"PV27\", \"recordedAt\": " + ts(recordedAt) + "}";
    }

    OracleLines member(String m, boolean fec, String at) {
        return record(MEMBERS, m, memberJson(m, fec, at));
    }

    static String stayJson(String m, String stayId, String w, String sector, String arrival, String departure,
                       String recordedAt) {
        return "{\"memberId\": " + q(m) + ", \"stayId\": " + q(stayId) + ", \"workerRef\": " + q(w)
                + ", \"nationality\": \"PL\", \"sector\": " + q(sector) + ", \"municipality\": \"GM0363\""
                + ", \"arrivalDate\": " + q(arrival) + ", \"departureDate\": " + q(departure)
                + ", \"recordedAt\": " + ts(recordedAt) + "}";
    }

    OracleLines stay(String m, String stayId, String w, String sector, String arrival, String departure, String at) {
        return record(STAYS, m + "/" + stayId, stayJson(m, stayId, w, sector, arrival, departure, at));
    }

    static String enrolmentJson(String m, String id, String w, String status, String startedOn, String recordedAt) {
        return "{\"memberId\": " + q(m) + ", \"enrolmentId\": " + q(id) + ", \"workerRef\": " + q(w)
                + ", \"status\": " + q(status) + ", \"startedOn\": " + q(startedOn)
                + ", \"duringWorkingHours\": true, \"doorzaamSubsidy\": false, \"recordedAt\": " + ts(recordedAt) + "}";
    }

    OracleLines enrolment(String m, String id, String w, String status, String startedOn, String at) {
        return record(ENROLMENTS, m + "/" + id, enrolmentJson(m, id, w, status, startedOn, at));
    }

    static String placementJson(String m, String id, String w, String sector, String placedOn, String status,
                            String recordedAt) {
        return "{\"memberId\": " + q(m) + ", \"placementId\": " + q(id) + ", \"workerRef\": " + q(w)
                + ", \"originCountry\": \"RO\", \"sector\": " + q(sector) + ", \"placedOn\": " + q(placedOn)
                + ", \"status\": " + q(status) + ", \"recordedAt\": " + ts(recordedAt) + "}";
    }

    OracleLines placement(String m, String id, String w, String sector, String placedOn, String status, String at) {
        return record(PLACEMENTS, m + "/" + id, placementJson(m, id, w, sector, placedOn, status, at));
    }

    static String registrationJson(String m, String stayId, String w, String kind, String effective, String recordedAt) {
        return "{\"memberId\": " + q(m) + ", \"stayId\": " + q(stayId) + ", \"workerRef\": " + q(w)
                + ", \"kind\": " + q(kind) + ", \"municipality\": \"GM0363\", \"effectiveDate\": " + q(effective)
                + ", \"recordedAt\": " + ts(recordedAt) + "}";
    }

    OracleLines registration(String m, String stayId, String w, String kind, String effective, String at) {
        return record(REGISTRATIONS, m + "/" + stayId + "/" + kind, registrationJson(m, stayId, w, kind, effective, at));
    }

    static String ratingJson(String m, String unit, String ratedOn, String certification, int points, int occupants,
                         long rent, long maxRent, String recordedAt) {
        return "{\"memberId\": " + q(m) + ", \"housingUnitRef\": " + q(unit) + ", \"municipality\": \"GM0599\""
                + ", \"ratedOn\": " + q(ratedOn) + ", \"certification\": " + q(certification)
                + ", \"pksPoints\": " + points + ", \"occupants\": " + occupants + ", \"weeklyRentCents\": " + rent
                + ", \"maxWeeklyRentCents\": " + maxRent + ", \"recordedAt\": " + ts(recordedAt) + "}";
    }

    OracleLines rating(String m, String unit, String ratedOn, String certification, int points, long rent,
                       long maxRent, String at) {
        return record(RATINGS, m + "/" + unit + "/" + ratedOn,
                ratingJson(m, unit, ratedOn, certification, points, 2, rent, maxRent, at));
    }

    int size() {
        return lines.values().stream().mapToInt(List::size).sum();
    }

    /** Appends the lines to {@code <topic>.jsonl} in the folder (creating the files as needed). */
    void appendTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, List<String>> topic : lines.entrySet()) {
            Files.write(folder.resolve(topic.getKey() + ".jsonl"), topic.getValue(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
