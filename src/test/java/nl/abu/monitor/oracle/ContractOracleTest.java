package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle against hand-computed cells (contract sections 1, 3-6). Every expected figure is worked out by hand
 * in the comments from the contract text. Workers are member M1's unless said.
 */
class ContractOracleTest {
    private static final String W1 = "w_aaaaaaaaaaaaaaa1";
    private static final String W2 = "w_aaaaaaaaaaaaaaa2";
    private static final String W3 = "w_aaaaaaaaaaaaaaa3";
    private static final String W4 = "w_aaaaaaaaaaaaaaa4";
    private static final String W5 = "w_aaaaaaaaaaaaaaa5";
    private static final String W6 = "w_aaaaaaaaaaaaaaa6";
    private static final String LOG = "LOGISTICS";
    private static final String D = "2025-12-31";

    @TempDir
    Path dir;

    private Map<String, ContractOracle.Row> run(OracleLines lines, String asOf) throws Exception {
        lines.appendTo(dir);
        List<ContractOracle.Row> rows = ContractOracle.compute(dir, LocalDate.parse(asOf));
        Map<String, ContractOracle.Row> byKey = rows.stream()
                .collect(Collectors.toMap(ContractOracle.Row::key, Function.identity()));
        assertThat(byKey).hasSameSizeAs(rows); // one row per (indicator, period, scope)
        return byKey;
    }

    private static ContractOracle.Row at(Map<String, ContractOracle.Row> rows, String indicator, String period,
                                         String scope) {
        ContractOracle.Row row = rows.get(indicator + "|" + period + "|" + scope);
        assertThat(row).as("%s %s %s", indicator, period, scope).isNotNull();
        return row;
    }

    private static void shown(ContractOracle.Row row, long num, Long den, double value, Double target,
                              String status) {
        assertThat(row.numerator()).as("numerator of %s", row).isEqualTo(num);
        assertThat(row.denominator()).as("denominator of %s", row).isEqualTo(den);
        assertThat(row.value()).as("value of %s", row).isCloseTo(value, within(1e-12));
        assertThat(row.target()).as("target of %s", row).isEqualTo(target);
        assertThat(row.status()).as("status of %s", row).isEqualTo(status);
    }

    @Test
    void languageAndLongStay_latestTruth_183DayBoundary_suppression() throws Exception {
        OracleLines in = new OracleLines();
        // W1: arrives 2025-01-01, L = 2025-07-03; ACTIVE from 2025-07-10.
        in.stay("M1", "S1", W1, LOG, "2025-01-01", null, "2025-01-02");
        // STALE: an older version (recordedAt before the held one) says arrival 2024-01-01: ignored.
        in.stay("M1", "S1", W1, LOG, "2024-01-01", null, "2025-01-01T08:00:00Z");
        // A repeat with the SAME recordedAt but another arrival: ignored too (<= held).
        in.stay("M1", "S1", W1, LOG, "2024-01-01", null, "2025-01-02");
        in.enrolment("M1", "E1", W1, "ENROLLED", null, "2025-06-01");
        in.enrolment("M1", "E1", W1, "ACTIVE", "2025-07-10", "2025-07-10");
        // W2 departs exactly on L (2025-07-03): in LTS 2025-07. W3 departs the day before L: never long.
        in.stay("M1", "S2", W2, LOG, "2025-01-01", "2025-07-03", "2025-07-04");
        in.stay("M1", "S3", W3, LOG, "2025-01-01", "2025-07-02", "2025-07-04");
        // W4: TOMBSTONE, then a delayed older version (RESURRECTION ATTEMPT): counts nowhere.
        in.stay("M1", "S4", W4, LOG, "2024-01-01", null, "2024-01-02");
        in.tombstone(OracleLines.STAYS, "M1/S4", "2024-03-01");
        in.stay("M1", "S4", W4, LOG, "2024-01-01", null, "2024-02-01");
        // W5: TOMBSTONE first, then a version recorded after it: brought back.
        in.tombstone(OracleLines.STAYS, "M1/S5", "2025-10-01");
        in.stay("M1", "S5", W5, LOG, "2025-11-01", null, "2025-11-02");
        // W6's tombstone arrives before an OLDER version in the file: that version must not count.
        in.tombstone(OracleLines.STAYS, "M1/S6", "2025-10-01");
        in.stay("M1", "S6", W6, LOG, "2024-01-01", null, "2024-01-02");
        // BSN as workerRef (111222333 passes the elfproef): rejected, counts nowhere.
        in.stay("M1", "S7", "111222333", LOG, "2024-01-01", null, "2024-01-02");
        Map<String, ContractOracle.Row> rows = run(in, D);

        // LTS 2025-06: nobody is long yet (the stale 2024 arrival was ignored) -> NO_DATA, target still given.
        ContractOracle.Row june = at(rows, "language_training_share", "2025-06", "all");
        assertThat(june.denominator()).isZero();
        assertThat(june.numerator()).isZero();
        assertThat(june.value()).isNull();
        assertThat(june.expected()).isEqualTo(0.35);
        assertThat(june.status()).isEqualTo("NO_DATA");
        // LTS 2025-07: den W1 (L 07-03), W2 (departs 07-03 = L) = 2; num W1 (started 07-10) = 1.  1/2 >= 0.35
        shown(at(rows, "language_training_share", "2025-07", "all"), 1, 2L, 0.5, 0.35, "ON_TRACK");
        // LSS 2025-07: den W1, W2, W3 (departs 07-02 >= 07-01) = 3; num W1, W2 = 2.  No target.
        shown(at(rows, "long_stay_share", "2025-07", "all"), 2, 3L, 2.0 / 3, null, "NO_TARGET");
        // LSS 2025-11: den W1, W5 (resurrected, arrives 11-01) = 2; num W1 = 1.
        shown(at(rows, "long_stay_share", "2025-11", "all"), 1, 2L, 0.5, null, "NO_TARGET");
        // LSS 2025: den W1, W2, W3, W5 = 4 (not W4, W6, BSN); num W1, W2 = 2.
        shown(at(rows, "long_stay_share", "2025", "all"), 2, 4L, 0.5, null, "NO_TARGET");
        // LSS 2024: nobody (W4 retracted, W6 blocked, BSN rejected): NO_DATA, no target.
        assertThat(at(rows, "long_stay_share", "2024", "all").status()).isEqualTo("NO_DATA");
        // Sector LOGISTICS 2025-07: LTS den 2 -> SUPPRESSED, target and expected still 0.35.
        ContractOracle.Row suppressed = at(rows, "language_training_share", "2025-07", "sector:LOGISTICS");
        assertThat(suppressed.numerator()).isNull();
        assertThat(suppressed.denominator()).isNull();
        assertThat(suppressed.value()).isNull();
        assertThat(suppressed.expected()).isEqualTo(0.35);
        assertThat(suppressed.status()).isEqualTo("SUPPRESSED");
        // 2025-01 sector LOGISTICS is written (the scope has data in other periods) with denominator 0.
        assertThat(at(rows, "language_training_share", "2025-01", "sector:LOGISTICS").status()).isEqualTo("NO_DATA");
        // No other sector has data: not written.
        assertThat(rows.keySet()).noneMatch(k -> k.contains("sector:HORTICULTURE"));
        // Scope all of every indicator is there for all 34 periods of 2024 and 2025.
        assertThat(rows.keySet().stream().filter(k -> k.endsWith("|all")).count()).isEqualTo(9 * 34);
    }

    @Test
    void fecMembersAndPlacements_countTargetProRataOnAMidYearAsOfDate() throws Exception {
        OracleLines in = new OracleLines();
        in.member("M1", true, "2024-01-01").member("M2", false, "2024-01-01").member("M3", true, "2024-01-01");
        in.tombstone(OracleLines.MEMBERS, "M3", "2025-01-01"); // retracted profile: M3 no longer an FEC member
        // M4 has no profile at all.
        in.placement("M1", "P1", W1, LOG, "2025-03-01", "PLACED", "2025-03-01");
        in.placement("M1", "P2", null, LOG, "2025-04-01", "PLACED", "2025-04-01");
        in.placement("M2", "P3", W2, LOG, "2025-02-01", "PLACED", "2025-02-01");
        in.placement("M3", "P4", W3, LOG, "2025-02-01", "PLACED", "2025-02-01");
        in.placement("M4", "P5", W4, "HORTICULTURE", "2025-05-01", "PLACED", "2025-05-01");
        in.placement("M1", "P6", W1, LOG, "2025-06-01", "PLACED", "2025-06-01");
        in.placement("M1", "P6", W1, LOG, "2025-06-01", "CANCELLED", "2025-06-05");
        in.placement("M1", "P7", W1, LOG, "2025-07-02", "PLACED", "2025-06-20"); // placed after D
        Map<String, ContractOracle.Row> rows = run(in, "2025-07-01");

        // 2025 with D = 2025-07-01: e = 182 days (01-01..07-01), n = 365; expected = 35 * 182 / 365.
        ContractOracle.Row year = at(rows, "eures_fec_members", "2025", "all");
        double expected = 35.0 * 182 / 365;
        shown(year, 1, null, 1.0, 35.0, "OFF_TRACK"); // only M1 (M2 no FEC, M3 retracted, M4 no profile)
        assertThat(year.expected()).isEqualTo(expected);
        // Quarters and months: no target.
        ContractOracle.Row q1 = at(rows, "eures_fec_members", "2025-Q1", "all");
        shown(q1, 1, null, 1.0, null, "NO_TARGET");
        assertThat(q1.expected()).isNull();
        // 2025-Q3 starts on D: reported with count 0; 2025-08 starts after D: not reported.
        shown(at(rows, "eures_fec_members", "2025-Q3", "all"), 0, null, 0.0, null, "NO_TARGET");
        assertThat(rows).doesNotContainKey("eures_fec_members|2025-08|all");
        // 2024: full year, expected = 35 * 366 / 366 = 35, count 0 -> OFF_TRACK (a count of 0 is judged).
        ContractOracle.Row y2024 = at(rows, "eures_fec_members", "2024", "all");
        shown(y2024, 0, null, 0.0, 35.0, "OFF_TRACK");
        assertThat(y2024.expected()).isEqualTo(35.0);
        // eures_placements 2025: P1..P5 = 5 (P6 cancelled, P7 after D); members do not matter here.
        shown(at(rows, "eures_placements", "2025", "all"), 5, null, 5.0, null, "NO_TARGET");
        // Sector scopes of a count are never suppressed: HORTICULTURE 1, LOGISTICS 4.
        shown(at(rows, "eures_placements", "2025", "sector:HORTICULTURE"), 1, null, 1.0, null, "NO_TARGET");
        shown(at(rows, "eures_placements", "2025", "sector:LOGISTICS"), 4, null, 4.0, null, "NO_TARGET");
        shown(at(rows, "eures_placements", "2025-02", "sector:LOGISTICS"), 2, null, 2.0, null, "NO_TARGET");
    }

    @Test
    void registrations_onTimeLateMissingAndFiveDayThresholds() throws Exception {
        OracleLines in = new OracleLines();
        String brp = "BRP_REGISTRATION";
        // A: arrives 03-10, BRP on 03-15 (= arrival + 5: on time); leaves 09-30, deregistered 10-05 (+5: on time).
        in.stay("M1", "A", W1, LOG, "2025-03-10", "2025-09-30", "2025-10-01");
        in.registration("M1", "A", W1, brp, "2025-03-15", "2025-03-15");
        in.registration("M1", "A", W1, "BRP_DEREGISTRATION", "2025-10-05", "2025-10-05");
        // B: arrives 03-20, RNI on 03-26 (late); leaves 09-15 but has no BRP registration: not a dereg case.
        in.stay("M1", "B", W2, LOG, "2025-03-20", "2025-09-15", "2025-09-16");
        in.registration("M1", "B", W2, "RNI_REGISTRATION", "2025-03-26", "2025-03-26");
        // C: arrives 03-31, never registered.
        in.stay("M1", "C", W3, LOG, "2025-03-31", null, "2025-04-01");
        // E: arrives 12-26, + 5 = 12-31 = D: counted; BRP on 12-31: on time.  X: arrives 12-27, + 5 after D: not.
        in.stay("M1", "E", W4, LOG, "2025-12-26", null, "2025-12-26");
        in.registration("M1", "E", W4, brp, "2025-12-31", "2025-12-31");
        in.stay("M1", "X", W5, LOG, "2025-12-27", null, "2025-12-27");
        // F: arrives 01-10, BRP 01-12; leaves 09-20, deregistered 09-26 (+6: late).
        in.stay("M1", "F", W6, LOG, "2025-01-10", "2025-09-20", "2025-09-21");
        in.registration("M1", "F", W6, brp, "2025-01-12", "2025-01-12");
        in.registration("M1", "F", W6, "BRP_DEREGISTRATION", "2025-09-26", "2025-09-26");
        Map<String, ContractOracle.Row> rows = run(in, D);

        String onTime = "brp_registration_on_time_share";
        // 2025-03: A, B, C = 3; on time A.  1/3 < 0.90 -> OFF_TRACK
        shown(at(rows, onTime, "2025-03", "all"), 1, 3L, 1.0 / 3, 0.95, "OFF_TRACK");
        // 2025-12: E (X's deadline is after D) 1/1
        shown(at(rows, onTime, "2025-12", "all"), 1, 1L, 1.0, 0.95, "ON_TRACK");
        // 2025: A, B, C, E, F = 5; on time A, E, F = 3.  Sector LOGISTICS the same, 5 is not suppressed.
        shown(at(rows, onTime, "2025", "all"), 3, 5L, 0.6, 0.95, "OFF_TRACK");
        shown(at(rows, onTime, "2025", "sector:LOGISTICS"), 3, 5L, 0.6, 0.95, "OFF_TRACK");
        assertThat(at(rows, onTime, "2025-Q1", "sector:LOGISTICS").status()).isEqualTo("SUPPRESSED");

        String dereg = "brp_deregistration_share";
        // 2025-09: A (BRP, on time), F (BRP, late); B has only RNI.  1/2
        shown(at(rows, dereg, "2025-09", "all"), 1, 2L, 0.5, 0.95, "OFF_TRACK");
        // 2025-Q4: nobody left -> NO_DATA with target and expected
        ContractOracle.Row q4 = at(rows, dereg, "2025-Q4", "all");
        assertThat(q4.status()).isEqualTo("NO_DATA");
        assertThat(q4.expected()).isEqualTo(0.95);
    }

    @Test
    void housing_latestRatingWithinThePeriod_noCarryForward() throws Exception {
        OracleLines in = new OracleLines();
        // H1 rated three times: Feb 03 (SNF, within), Feb 20 (NONE, above max), May 10 (AKF, rent = max).
        in.rating("M1", "H1", "2025-02-03", "SNF", 100, 9_000, 10_000, "2025-02-03");
        in.rating("M1", "H1", "2025-02-20", "NONE", 120, 11_000, 10_000, "2025-02-20");
        in.rating("M1", "H1", "2025-05-10", "AKF", 150, 10_000, 10_000, "2025-05-10");
        // H2: SNF on Feb 10, CORRECTED to NONE later.
        in.rating("M1", "H2", "2025-02-10", "SNF", 200, 5_000, 6_000, "2025-02-10");
        in.rating("M1", "H2", "2025-02-10", "NONE", 200, 5_000, 6_000, "2025-02-11");
        // H3: retracted.
        in.rating("M2", "H3", "2025-02-15", "AKF", 80, 5_000, 6_000, "2025-02-15");
        in.tombstone(OracleLines.RATINGS, "M2/H3/2025-02-15", "2025-03-01");
        Map<String, ContractOracle.Row> rows = run(in, D);

        // 2025-02: H1 (Feb 20: NONE, 11000 > 10000, 120), H2 (NONE, within, 200).
        shown(at(rows, "housing_certified_share", "2025-02", "all"), 0, 2L, 0.0, 1.0, "OFF_TRACK");
        shown(at(rows, "housing_rent_within_pks_share", "2025-02", "all"), 1, 2L, 0.5, 1.0, "OFF_TRACK");
        shown(at(rows, "housing_average_pks_points", "2025-02", "all"), 320, 2L, 160.0, null, "NO_TARGET");
        // 2025-03: no rating in March (no carry-forward) -> NO_DATA.
        assertThat(at(rows, "housing_certified_share", "2025-03", "all").status()).isEqualTo("NO_DATA");
        // 2025-Q2: H1 (May 10: AKF, rent = max) 1/1; housing is never suppressed.
        shown(at(rows, "housing_certified_share", "2025-Q2", "all"), 1, 1L, 1.0, 1.0, "ON_TRACK");
        // 2025: H1 (May 10), H2 (Feb 10 corrected).
        shown(at(rows, "housing_certified_share", "2025", "all"), 1, 2L, 0.5, 1.0, "OFF_TRACK");
        shown(at(rows, "housing_rent_within_pks_share", "2025", "all"), 2, 2L, 1.0, 1.0, "ON_TRACK");
        shown(at(rows, "housing_average_pks_points", "2025", "all"), 350, 2L, 175.0, null, "NO_TARGET");
    }

    @Test
    void invalidRecords_areNotApplied_andTheHeldVersionStays() throws Exception {
        OracleLines in = new OracleLines();
        String good = OracleLines.stayJson("M1", "S1", W1, LOG, "2025-01-06", null, "2025-01-06");
        in.record(OracleLines.STAYS, "M1/S1", good);
        // Each of these would end the stay on 2025-01-31 (out of 2025-Q2) if applied.
        String correction = OracleLines.stayJson("M1", "S1", W1, LOG, "2025-01-06", "2025-01-31", "2025-02-01");
        List<String> spoiled = List.of(
                correction.replace("GM0363", "GM363"),                         // municipality format
                correction.replace("\"PL\"", "\"pl\""),                        // country code
                correction.replace("\"" + LOG + "\"", "\"MINING\""),           // unknown enum symbol
                correction.replace(W1, "w_short"),                            // workerRef too short
                correction.replace(W1, "111222333"),                          // BSN
                correction.replace("\"2025-01-31\"", "\"2025-01-05\""),        // departure before arrival
                correction.replace("\"2025-01-06\"", "\"1999-12-31\""),        // date before 2000-01-01
                correction.replace("\"2025-01-31\"", "\"2027-01-02\""),        // date after D + 366
                correction.replace("\"2025-01-31\"", "\"2025-02-30\""),        // not a date
                correction.replace("2025-02-01T09:00:00Z", "2025-02-01T09:00:00"), // timestamp without offset
                correction.replace("\"workerRef\": \"" + W1 + "\", ", ""));    // missing required field
        for (String value : spoiled) {
            in.record(OracleLines.STAYS, "M1/S1", value);
        }
        in.record(OracleLines.STAYS, "M9/S1", correction);                    // KEY_MISMATCH
        in.raw(OracleLines.STAYS, "{not json");
        // Valid edge: a departure on exactly D + 366 = 2027-01-01 is allowed (W2).
        in.stay("M1", "S2", W2, LOG, "2000-01-01", "2027-01-01", "2025-01-01");
        // Invalid housing ratings of every numeric rule: none counts.
        in.record(OracleLines.RATINGS, "M1/H1/2025-05-01",
                OracleLines.ratingJson("M1", "H1", "2025-05-01", "SNF", -1, 2, 1, 1, "2025-05-01"));
        in.record(OracleLines.RATINGS, "M1/H1/2025-05-01",
                OracleLines.ratingJson("M1", "H1", "2025-05-01", "SNF", 1, 0, 1, 1, "2025-05-02"));
        in.record(OracleLines.RATINGS, "M1/H1/2025-05-01",
                OracleLines.ratingJson("M1", "H1", "2025-05-01", "SNF", 1, 2, -1, 1, "2025-05-03"));
        in.record(OracleLines.MEMBERS, "M1", OracleLines.memberJson("M1", true, "2025-01-01").replace("PV27", "PV2"));

        ContractOracle oracle = new ContractOracle(ContractOracle.Settings.defaults());
        in.appendTo(dir);
        Map<String, ContractOracle.Row> rows = oracle.run(dir, LocalDate.parse(D)).stream()
                .collect(Collectors.toMap(ContractOracle.Row::key, Function.identity()));

        assertThat(oracle.lineCounts.get(OracleLines.STAYS)).containsExactly(2, 13);
        assertThat(oracle.lineCounts.get(OracleLines.RATINGS)).containsExactly(0, 3);
        assertThat(oracle.lineCounts.get(OracleLines.MEMBERS)).containsExactly(0, 1);
        // 2025-Q2: W1 still there (no correction applied), W2 too: both present, W2 long.
        shown(at(rows, "long_stay_share", "2025-Q2", "all"), 1, 2L, 0.5, null, "NO_TARGET");
        assertThat(at(rows, "housing_average_pks_points", "2025-05", "all").status()).isEqualTo("NO_DATA");
    }

    @Test
    void elfproef() {
        assertThat(ContractOracle.isBsn("111222333")).isTrue();  // 9+8+7+12+10+8+9+6 - 3 = 66 = 6 * 11
        assertThat(ContractOracle.isBsn("111222334")).isFalse();
        assertThat(ContractOracle.isBsn("11122233")).isFalse();
    }
}
