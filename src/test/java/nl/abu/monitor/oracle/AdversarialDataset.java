package nl.abu.monitor.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import nl.abu.monitor.tools.simulator.DisturbanceRates;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.SimulationFolderWriter;

/**
 * Test input for {@code ReplayMatchesOracleIT}: a JSON-lines folder (contract section 7) of several thousand
 * records, deterministic from a seed, for as-of date D = 2025-12-31. The bulk comes from the project's simulator
 * with raised disturbance rates (corrections, duplicates, stale versions, tombstones, invalid records, late member
 * profiles); then hand-targeted adversarial lines are appended as raw JSON (see {@link #appendAdversarial}).
 * This class is test input only: the oracle itself uses no project code.
 */
public final class AdversarialDataset {
    public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String[] SECTORS = {"LOGISTICS", "FOOD_PRODUCTION", "HORTICULTURE", "AGRICULTURE",
            "CONSTRUCTION", "METAL_AND_TECHNICAL", "MANUFACTURING", "OTHER"};

    private AdversarialDataset() {
    }

    /** The simulator's scale for the default dataset: several thousand lines. */
    public static final double DEFAULT_SCALE = 0.0012;

    /** Writes the dataset into {@code folder}; returns the number of lines written. */
    public static long write(Path folder, long seed) throws IOException {
        return write(folder, seed, DEFAULT_SCALE);
    }

    /**
     * Writes the dataset with the simulated bulk at {@code scale} (a share of a national year; the hand-targeted
     * lines do not scale) into {@code folder}; returns the number of lines written.
     */
    public static long write(Path folder, long seed, double scale) throws IOException {
        SimulationConfig config = new SimulationConfig(seed, scale, LocalDate.of(2024, 1, 1), AS_OF,
                new DisturbanceRates(0.05, 0.04, 0.05, 0.04, 0.04, 0.25));
        SimulationFolderWriter.write(new MemberEventSimulator(config), folder);
        OracleLines adversarial = new OracleLines();
        appendAdversarial(adversarial, new Random(seed));
        adversarial.appendTo(folder);
        long lines = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                lines += Files.readAllLines(file).size();
            }
        }
        return lines;
    }

    private static String w(String tag) {
        return String.format("w_adv_%-12s", tag).replace(' ', 'x');
    }

    /** The hand-targeted cases, each named in a comment. Members A-... are not the simulator's (M0001...). */
    static void appendAdversarial(OracleLines in, Random random) {
        String log = "LOGISTICS";
        // ---- members: with and without the Fair Employment Code; one retracted; one arriving late (below)
        in.member("A-FEC1", true, "2023-01-01").member("A-NOFEC", false, "2023-01-01");
        in.member("A-RETR", true, "2023-01-01");
        in.tombstone(OracleLines.MEMBERS, "A-RETR", "2025-06-01"); // retracted profile: only FEC changes
        in.member("A-FLIP", false, "2023-01-01");
        in.member("A-FLIP", true, "2025-03-01");                     // correction: signs the code
        in.member("A-FLIP", false, "2024-01-01");                    // stale: ignored

        // ---- the 183-day threshold relative to D: L = D (arrival D - 183) and L = D + 1
        in.stay("A-FEC1", "T183a", w("t183a"), log, AS_OF.minusDays(183).toString(), null, "2025-07-01");
        in.stay("A-FEC1", "T183b", w("t183b"), log, AS_OF.minusDays(182).toString(), null, "2025-07-02");
        in.enrolment("A-FEC1", "ET183a", w("t183a"), "ACTIVE", "2025-12-31", "2025-12-31");
        // departure exactly on L, and the day before L
        in.stay("A-FEC1", "T183c", w("t183c"), log, "2025-01-01", "2025-07-03", "2025-07-04");
        in.stay("A-FEC1", "T183d", w("t183d"), log, "2025-01-01", "2025-07-02", "2025-07-04");
        // ---- the 5-day thresholds: arrival + 5 = D (counted) and D + 1 (not yet); departures the same
        in.stay("A-FEC1", "T5a", w("t5a"), log, "2025-12-26", null, "2025-12-26");
        in.registration("A-FEC1", "T5a", w("t5a"), "BRP_REGISTRATION", "2025-12-31", "2025-12-31");
        in.stay("A-FEC1", "T5b", w("t5b"), log, "2025-12-27", null, "2025-12-27");
        in.registration("A-FEC1", "T5b", w("t5b"), "RNI_REGISTRATION", "2025-12-27", "2025-12-27");
        in.stay("A-FEC1", "T5c", w("t5c"), log, "2025-05-01", "2025-12-26", "2025-12-26");
        in.registration("A-FEC1", "T5c", w("t5c"), "BRP_REGISTRATION", "2025-05-06", "2025-05-06");
        in.registration("A-FEC1", "T5c", w("t5c"), "BRP_DEREGISTRATION", "2025-12-31", "2025-12-31");
        in.stay("A-FEC1", "T5d", w("t5d"), log, "2025-05-01", "2025-12-27", "2025-12-27");
        in.registration("A-FEC1", "T5d", w("t5d"), "BRP_REGISTRATION", "2025-05-07", "2025-05-07"); // late
        // ---- period boundaries: 31 Dec / 1 Jan, 29 Feb 2024, quarter ends
        String[][] boundaries = {{"B1", "2023-12-31", "2024-01-01"}, {"B2", "2024-01-01", "2024-02-29"},
                {"B3", "2024-02-29", "2024-12-31"}, {"B4", "2024-12-31", "2025-01-01"}, {"B5", "2025-03-31", "2025-06-30"},
                {"B6", "2025-06-30", "2025-09-30"}, {"B7", "2025-09-30", null}, {"B8", "2024-03-31", "2025-03-31"},
                {"B9", "2024-06-30", "2024-12-31"}, {"B10", "2023-06-29", "2024-02-29"}};
        for (String[] b : boundaries) {
            in.stay("A-FEC1", b[0], w(b[0]), "HORTICULTURE", b[1], b[2], "2025-01-05");
            in.registration("A-FEC1", b[0], w(b[0]), "BRP_REGISTRATION", b[1], "2025-01-05");
            if (b[2] != null) {
                in.registration("A-FEC1", b[0], w(b[0]), "BRP_DEREGISTRATION", b[2], "2025-01-06");
            }
            in.enrolment("A-FEC1", "E" + b[0], w(b[0]), "COMPLETED", LocalDate.parse(b[1]).plusDays(40).toString(),
                    "2025-01-07");
        }
        // ---- circular migration: one worker, three stays, two sectors, and a fourth stay retracted
        String circ = w("circ");
        in.stay("A-NOFEC", "C1", circ, log, "2023-11-01", "2024-06-15", "2024-06-16");
        in.stay("A-NOFEC", "C2", circ, "AGRICULTURE", "2024-09-01", "2025-04-30", "2025-05-01");
        in.stay("A-NOFEC", "C3", circ, log, "2025-08-01", null, "2025-08-02");
        in.stay("A-NOFEC", "C4", circ, "CONSTRUCTION", "2025-10-01", null, "2025-10-02");
        in.tombstone(OracleLines.STAYS, "A-NOFEC/C4", "2025-10-20");
        in.enrolment("A-NOFEC", "EC", circ, "ACTIVE", "2024-03-01", "2024-03-01");
        // ---- corrections to past periods (recorded long after), a late event for a closed month
        in.stay("A-NOFEC", "K1", w("k1"), log, "2024-02-01", null, "2024-02-02");
        in.stay("A-NOFEC", "K1", w("k1"), log, "2024-01-10", "2024-11-30", "2025-11-15"); // correction
        in.stay("A-NOFEC", "K2", w("k2"), "FOOD_PRODUCTION", "2024-02-10", "2024-10-31", "2025-12-20"); // late event
        in.registration("A-NOFEC", "K2", w("k2"), "BRP_REGISTRATION", "2024-02-12", "2025-12-20");
        in.enrolment("A-NOFEC", "EK1", w("k1"), "ACTIVE", "2024-09-01", "2024-09-01");
        in.enrolment("A-NOFEC", "EK1", w("k1"), "ACTIVE", "2024-07-01", "2025-11-16");          // corrected start
        in.enrolment("A-NOFEC", "EK1", w("k1"), "ACTIVE", "2024-08-01", "2025-11-10");          // stale
        // ---- retractions of every kind of entity, a tombstone older than the held version, resurrection
        in.stay("A-NOFEC", "R1", w("r1"), log, "2024-05-01", null, "2024-05-02");
        in.tombstone(OracleLines.STAYS, "A-NOFEC/R1", "2025-02-01");
        in.stay("A-NOFEC", "R1", w("r1"), log, "2024-05-01", null, "2025-01-15");  // delayed old: no resurrection
        in.stay("A-NOFEC", "R2", w("r2"), log, "2024-05-01", null, "2024-05-02");
        in.tombstone(OracleLines.STAYS, "A-NOFEC/R2", "2025-02-01");
        in.stay("A-NOFEC", "R2", w("r2"), log, "2024-06-01", null, "2025-02-01T00:00:00.001Z"); // 1 ms newer: back
        in.stay("A-NOFEC", "R3", w("r3"), log, "2024-05-01", null, "2024-05-02");
        in.tombstone(OracleLines.STAYS, "A-NOFEC/R3", "2024-05-01");                // older than held: ignored
        in.tombstone(OracleLines.STAYS, "A-NOFEC/R4", "2025-03-01");                // before its only version
        in.stay("A-NOFEC", "R4", w("r4"), log, "2024-05-01", null, "2024-05-02");
        in.enrolment("A-NOFEC", "ER3", w("r3"), "COMPLETED", "2024-06-01", "2024-09-01");
        in.tombstone(OracleLines.ENROLMENTS, "A-NOFEC/ER3", "2025-01-01");
        in.enrolment("A-NOFEC", "ER3b", w("r3"), "DROPPED", "2024-06-01", "2024-09-01");
        in.enrolment("A-NOFEC", "ER3c", w("r3"), "CANCELLED", "2024-06-01", "2024-09-01");
        // ---- exact duplicates (the same line twice)
        in.stay("A-NOFEC", "DUP", w("dup"), "OTHER", "2024-04-04", "2025-04-04", "2025-04-05");
        in.stay("A-NOFEC", "DUP", w("dup"), "OTHER", "2024-04-04", "2025-04-04", "2025-04-05");
        // ---- an unknown member whose profile arrives after its data (members file: appended last, below)
        in.stay("A-LATE", "L1", w("late1"), log, "2024-08-01", null, "2024-08-02");
        in.placement("A-LATE", "PL1", w("late1"), log, "2024-08-01", "PLACED", "2024-08-02");
        in.placement("A-LATE", "PL2", null, log, "2025-02-01", "PLACED", "2025-02-02");
        in.placement("A-RETR", "PR1", null, log, "2025-02-01", "PLACED", "2025-02-02");
        in.placement("A-FLIP", "PF1", null, log, "2025-05-01", "PLACED", "2025-05-02");
        // ---- a BSN (elfproef) in every workerRef field, and invalid records of every rule
        in.stay("A-NOFEC", "BSN1", "111222333", log, "2024-05-01", null, "2024-05-02");
        in.enrolment("A-NOFEC", "BSN2", "123456782", "ACTIVE", "2024-05-01", "2024-05-02");
        in.placement("A-FEC1", "BSN3", "111222333", log, "2024-05-01", "PLACED", "2024-05-02");
        in.registration("A-NOFEC", "K1", "111222333", "BRP_DEREGISTRATION", "2024-12-01", "2024-12-02");
        String base = OracleLines.stayJson("A-NOFEC", "INV", w("inv"), log, "2024-05-01", "2025-01-31", "2025-02-01");
        in.stay("A-NOFEC", "INV", w("inv"), log, "2024-05-01", null, "2024-05-02");
        for (String bad : List.of(base.replace("\"A-NOFEC\"", "\"A NOFEC\""), base.replace("GM0363", "GM036"),
                base.replace("\"PL\"", "\"POL\""), base.replace("\"LOGISTICS\"", "\"MINING\""),
                base.replace(w("inv"), "w_short"), base.replace(w("inv"), w("inv") + "!"),
                base.replace("\"2025-01-31\"", "\"2024-04-30\""), base.replace("\"2024-05-01\"", "\"1999-12-31\""),
                base.replace("\"2025-01-31\"", "\"2027-01-02\""), base.replace("\"2025-01-31\"", "\"2025-02-30\""),
                base.replace("2025-02-01T09:00:00Z", "yesterday"), base.replace("\"sector\": \"LOGISTICS\", ", ""),
                base.replace("\"arrivalDate\": \"2024-05-01\"", "\"arrivalDate\": 19844"))) {
            in.record(OracleLines.STAYS, "A-NOFEC/INV", bad);
        }
        in.record(OracleLines.STAYS, "A-NOFEC/INV2", base);  // KEY_MISMATCH
        in.raw(OracleLines.STAYS, "this is not json");
        in.raw(OracleLines.STAYS, "{\"key\": \"A-NOFEC/INV\", \"value\": null}"); // tombstone without recordedAt
        in.record(OracleLines.MEMBERS, "A-NOFEC", OracleLines.memberJson("A-NOFEC", true, "2025-06-01")
                .replace("PV27", "PV2"));
        in.record(OracleLines.PLACEMENTS, "A-FEC1/PX", OracleLines.placementJson("A-FEC1", "PX", null, log,
                "2025-02-01", "PLACED", "2025-02-02").replace("\"RO\"", "\"ro\""));
        in.record(OracleLines.PLACEMENTS, "A-FEC1/PY", OracleLines.placementJson("A-FEC1", "PY", null, log,
                "2025-02-01", "PENDING", "2025-02-02"));
        in.record(OracleLines.REGISTRATIONS, "A-NOFEC/K1/BRP_REGISTRATION", OracleLines.registrationJson("A-NOFEC",
                "K1", w("k1"), "BRP_REGISTRATION", "2024-01-12", "2024-01-12").replace("GM0363", "XX0363"));
        in.record(OracleLines.RATINGS, "A-NOFEC/HX/2025-05-01",
                OracleLines.ratingJson("A-NOFEC", "HX", "2025-05-01", "SNF", 100, 0, 9000, 9000, "2025-05-01"));
        in.record(OracleLines.RATINGS, "A-NOFEC/HX/2025-05-02",
                OracleLines.ratingJson("A-NOFEC", "HX", "2025-05-02", "SNF", -1, 2, 9000, 9000, "2025-05-02"));
        in.record(OracleLines.RATINGS, "A-NOFEC/HX/2025-05-03",
                OracleLines.ratingJson("A-NOFEC", "HX", "2025-05-03", "SNF", 100, 2, -5, 9000, "2025-05-03"));
        in.record(OracleLines.ENROLMENTS, "A-NOFEC/EX", OracleLines.enrolmentJson("A-NOFEC", "EX", w("k1"),
                "ACTIVE", "2024-05-01", "2024-05-02").replace("\"duringWorkingHours\": true", "\"duringWorkingHours\": \"yes\""));

        // ---- housing: units rated several times within a month / quarter, certified or not, rent above/below
        for (int unit = 1; unit <= 12; unit++) {
            String ref = "AH-" + unit;
            LocalDate day = LocalDate.of(2024, 1, 5).plusDays(random.nextInt(60));
            while (day.isBefore(AS_OF)) {
                int ratings = 1 + random.nextInt(3);
                for (int i = 0; i < ratings; i++) {
                    LocalDate ratedOn = day.plusDays(i * (1 + random.nextInt(9)));
                    int points = 100 + random.nextInt(150);
                    long max = 8_000L + points * 20L;
                    long rent = max + (random.nextBoolean() ? -random.nextInt(2000) : 1 + random.nextInt(1000));
                    String cert = new String[] {"SNF", "AKF", "NONE"}[random.nextInt(3)];
                    in.rating("A-FEC1", ref, ratedOn.toString(), cert, points, rent, max, ratedOn.toString());
                    if (random.nextInt(6) == 0) { // correction of the same rating
                        in.rating("A-FEC1", ref, ratedOn.toString(), "SNF", points, rent - 3000, max,
                                ratedOn.plusDays(20).toString());
                    }
                    if (random.nextInt(15) == 0) {
                        in.tombstone(OracleLines.RATINGS, "A-FEC1/" + ref + "/" + ratedOn, ratedOn.plusDays(30).toString());
                    }
                }
                day = day.plusDays(25 + random.nextInt(80));
            }
        }

        // ---- FEC members with placements (enough for eures_fec_members to be interesting), and non-FEC ones
        for (int m = 1; m <= 45; m++) {
            String member = String.format("A-P%02d", m);
            boolean fec = m <= 36;
            in.member(member, fec, "2023-06-01");
            int placements = random.nextInt(4);
            for (int p = 0; p < placements; p++) {
                LocalDate placedOn = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(731));
                String id = "AP" + m + "-" + p;
                String sector = SECTORS[random.nextInt(SECTORS.length)];
                in.placement(member, id, random.nextBoolean() ? w("p" + m + p) : null, sector, placedOn.toString(),
                        "PLACED", placedOn.plusDays(1).toString());
                if (random.nextInt(8) == 0) {
                    in.placement(member, id, null, sector, placedOn.toString(), "CANCELLED",
                            placedOn.plusDays(9).toString());
                }
            }
        }

        // ---- small and large sector cells: AGRICULTURE/CONSTRUCTION get a handful of long stayers of A-SMALL
        for (int i = 0; i < 4; i++) {
            in.stay("A-SMALL", "SM" + i, w("sm" + i), "CONSTRUCTION", "2024-0" + (i + 1) + "-15", null, "2024-06-01");
            in.enrolment("A-SMALL", "ESM" + i, w("sm" + i), i % 2 == 0 ? "ACTIVE" : "DROPPED", "2024-09-01",
                    "2024-09-01");
        }

        // ---- random workers of the adversarial members: many small histories with noise
        for (int i = 0; i < 250; i++) {
            String member = new String[] {"A-FEC1", "A-NOFEC", "A-RETR", "A-LATE", "A-FLIP"}[random.nextInt(5)];
            String worker = w("x" + i);
            String sector = SECTORS[random.nextInt(SECTORS.length)];
            LocalDate arrival = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(660)); // 2024-01/02: small sector cells
            LocalDate departure = random.nextInt(3) == 0 ? null : arrival.plusDays(20 + random.nextInt(400));
            String dep = departure == null || departure.isAfter(AS_OF.plusDays(300)) ? null : departure.toString();
            String id = "X" + i;
            String rec = arrival.plusDays(1).toString();
            in.stay(member, id, worker, sector, arrival.toString(), dep, rec);
            switch (random.nextInt(6)) {
                case 0 -> in.stay(member, id, worker, sector, arrival.minusDays(30).toString(), dep,
                        arrival.toString()); // stale (recorded before the held version)
                case 1 -> in.stay(member, id, worker, SECTORS[random.nextInt(SECTORS.length)],
                        arrival.plusDays(random.nextInt(40) - 20).toString(), dep,
                        arrival.plusDays(200).toString()); // correction, also of sector
                case 2 -> in.tombstone(OracleLines.STAYS, member + "/" + id, arrival.plusDays(100).toString());
                case 3 -> in.stay(member, id, worker, sector, arrival.toString(), dep, rec); // exact duplicate
                default -> { }
            }
            if (random.nextInt(10) < 7) {
                int kind = random.nextInt(4);
                String regKind = kind == 0 ? "RNI_REGISTRATION" : "BRP_REGISTRATION";
                LocalDate effective = arrival.plusDays(random.nextInt(10));
                if (kind < 3) {
                    in.registration(member, id, worker, regKind, effective.toString(), effective.toString());
                }
                if (dep != null && regKind.equals("BRP_REGISTRATION") && random.nextBoolean()) {
                    LocalDate dereg = departure.plusDays(random.nextInt(10) - 2);
                    if (!dereg.isAfter(AS_OF.plusDays(300))) {
                        in.registration(member, id, worker, "BRP_DEREGISTRATION", dereg.toString(),
                                dereg.toString());
                    }
                }
            }
            if (random.nextInt(10) < 5) {
                String status = new String[] {"ENROLLED", "ACTIVE", "COMPLETED", "DROPPED", "CANCELLED"}[random.nextInt(5)];
                LocalDate started = arrival.plusDays(random.nextInt(300));
                String startedOn = status.equals("ENROLLED") || random.nextInt(8) == 0 ? null : started.toString();
                in.enrolment(member, "EX" + i, worker, status, startedOn, started.toString());
                if (random.nextInt(5) == 0) {
                    in.tombstone(OracleLines.ENROLMENTS, member + "/EX" + i, started.plusDays(10).toString());
                }
            }
        }
        // the late member profile: appended after all its data (the members file is read last-line-last)
        in.member("A-LATE", true, "2025-12-30");
    }
}
