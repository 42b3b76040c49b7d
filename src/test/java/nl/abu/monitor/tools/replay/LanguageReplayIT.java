package nl.abu.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.abu.monitor.cli.Main;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Acceptance test: {@code replay} gives the contract's values (docs: /work/shared/spec/indicators.md, sections 1,
 * 3-7) for {@code language_training_share} (LTS) and {@code long_stay_share} (LSS), on a small hand-crafted
 * dataset in {@code src/test/resources/replay/language/}, as of D = 2025-12-31 (open years 2024 and 2025; every
 * period of both years starts on or before D, and R(P) = end(P) for all of them).
 *
 * <p>Every expected figure below was worked out by hand from the contract text, not computed by code. The rules
 * used: a stay is long from L = arrival + 183 days. LTS denominator: workers (memberId, workerRef) with a stay
 * where L &lt;= R(P) and (departure null or departure &gt;= max(L, start(P))); numerator: those with an ACTIVE
 * or COMPLETED enrolment (same memberId and workerRef) whose startedOn is set and &lt;= R(P). LSS denominator:
 * workers with a stay where arrival &lt;= R(P) and (departure null or departure &gt;= start(P)); numerator: those
 * also in the LTS denominator of the same scope. In a sector scope only that sector's stays count; 0 &lt;
 * denominator &lt; 5 there is SUPPRESSED. LTS has target 0.35 (tolerance 0.05), LSS none (NO_TARGET, target
 * and expected null); denominator 0 is NO_DATA.
 *
 * <h2>The workers, as the latest truth leaves them</h2>
 * Worker wNN is member M0001's workerRef {@code w_00000000000000NN} unless said otherwise; "T" is the earliest
 * startedOn of a counting (ACTIVE/COMPLETED with startedOn) enrolment. All sectors LOGISTICS unless said.
 * <pre>
 * w01  S-01  2025-01-06 .. open        L 2025-07-08   T 2025-09-15
 *      (arrival CORRECTED from 2025-02-10; the old 2025-02-10 version is re-sent afterwards: STALE, ignored;
 *       E-01 status CORRECTION ENROLLED without startedOn -> ACTIVE started 2025-09-15)
 * w02  S-02  2025-02-01 .. 2025-08-03  L 2025-08-03   T 2025-03-01 (COMPLETED)
 *      (departure CORRECTED from open; departs EXACTLY on the day the stay becomes long: counts in 2025-08)
 * w03  S-03  2025-02-01 .. 2025-08-02  L 2025-08-03   never long (left the day before); trained (ACTIVE
 *      2025-04-01) but never in an LTS denominator. The departure was recorded 2026-01-06, after D: a replay
 *      does not filter by recordedAt, so it counts.
 * w04  S-04  2024-03-01 .. open        L 2024-08-31 (last day of 2024-08)   T 2024-10-01
 *      (arrived 2024 and still open; stay line sent twice: EXACT DUPLICATE; E-04 ACTIVE -> COMPLETED
 *       correction, also sent twice; a correction with municipality XX12 and departure 2025-01-31 goes to
 *       the DEAD LETTERS, and one with departureDate "2025-02-30" is an INVALID LINE: both leave S-04 open)
 * w05  S-05a 2024-01-15 .. 2024-06-30  L 2024-07-16, never long (departure CORRECTED from open)
 *      S-05b 2025-03-03 .. open        L 2025-09-02   CIRCULAR MIGRATION; never trained: E-05a ACTIVE
 *      corrected to DROPPED, E-05b ACTIVE without startedOn
 * w06  S-06a HORTICULTURE 2024-04-01 .. 2024-12-20  L 2024-10-01
 *      S-06b LOGISTICS     2025-01-10 .. open        L 2025-07-12   T 2024-11-04   (TWO SECTORS)
 * w07  S-07a FOOD_PRODUCTION 2024-09-02 .. 2025-04-30  L 2025-03-04 (departure CORRECTED from open)
 *      S-07b HORTICULTURE    2025-05-01 .. open        L 2025-10-31   (TWO SECTORS, both long in 2025)
 *      never trained: E-07 CANCELLED (started 2025-06-01)
 * w08  S-08 RETRACTED: version 2024-11-05, TOMBSTONE 2025-06-01, then a DELAYED OLDER version (recordedAt
 *      2025-01-10) sent after the tombstone, which must NOT resurrect it. Counts nowhere, also not in 2024
 *      (its enrolment E-08 ACTIVE 2025-01-15 has no stay to count with).
 * w09  S-09  2024-06-03 .. 2025-10-15  L 2024-12-03   T 2025-06-16
 *      (TOMBSTONE 2025-02-01, then a version recorded 2025-03-01, NEWER than the tombstone: brings it back;
 *       departure CORRECTED later; E-09 ENROLLED -> COMPLETED 2025-06-16, the ENROLLED version re-sent
 *       afterwards: STALE)
 * w10  S-10  2024-12-02 .. open        L 2025-06-03   never trained: E-10 ACTIVE 2025-02-01 is retracted by a
 *      tombstone (2025-05-01) that arrives BEFORE it in the file; E-10b ENROLLED; E-10c COMPLETED lacks the
 *      required duringWorkingHours (INVALID LINE); M0002's E-10 for the same workerRef is another worker's
 * w11  S-11  2025-01-02 .. open        L 2025-07-04   T 2025-11-17
 *      (sector CORRECTED FOOD_PRODUCTION -> LOGISTICS; E-11 ENROLLED -> ACTIVE 2025-11-17: started after
 *       R(P) of the months up to 2025-10)
 * w12  S-12  2024-10-01 .. open        L 2025-04-02   never trained: E-12 ACTIVE starts 2026-01-12, after D;
 *      E-12x has startedOn "2025-13-01" (INVALID LINE); a later correction with departure 2024-09-01, before
 *      arrival, goes to the DEAD LETTERS and leaves S-12 open
 * w13  S-13 HORTICULTURE 2025-06-02 .. 2025-09-30  L 2025-12-02, never long; no enrolment
 * w14  M0002's w_0000000000000001 (same workerRef as w01, ANOTHER worker): S-01 2024-05-06 .. 2025-03-31,
 *      L 2024-11-05, never trained (w01's enrolment is M0001's). M0002's profile is retracted: still counts.
 * w15  M0003 (a member WITHOUT a profile: still counts): S-15 2025-01-13 .. open  L 2025-07-15
 *      T 2025-05-05; a TOMBSTONE recorded 2025-01-01, OLDER than the held version (2025-01-14), is ignored
 * w16  only an enrolment (ACTIVE 2025-03-03), no stay: counts nowhere
 * w17  S-17  2024-10-14 .. 2025-05-20  L 2025-04-15   never trained: E-17 has status "STARTED" (INVALID
 *      LINE), and an ACTIVE one under key M0001/E-17 with enrolmentId E-17b is a KEY MISMATCH (DEAD LETTERS)
 * BSN  M0001/S-20 and M0001/E-20 carry workerRef 111222333 (passes the elfproef): DEAD LETTERS, never counted
 * w21  M0001/S-21 with value stayId S-22: KEY MISMATCH, DEAD LETTERS, never counted
 * w18  sector "MINING": INVALID LINE;  w19: no municipality: INVALID LINE (missing required field)
 * </pre>
 * {@link LanguageReplayDatasetTest} checks that exactly these lines are invalid or rejected.
 *
 * <p>So LOGISTICS is the shown sector (2025: 12 in the LTS denominator) and HORTICULTURE and FOOD_PRODUCTION the
 * suppressed ones; LOGISTICS 2024 is shown for LSS (7) but suppressed for LTS (3).
 */
class LanguageReplayIT {

    private static final String AS_OF = "2025-12-31";
    private static final String LTS = "language_training_share";
    private static final String LSS = "long_stay_share";
    private static final String ALL = "all";
    private static final String LOGISTICS = "sector:LOGISTICS";
    private static final String HORTICULTURE = "sector:HORTICULTURE";
    private static final String FOOD = "sector:FOOD_PRODUCTION";
    private static final double LTS_TARGET = 0.35;
    private static final double EPS = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static int exitCode;
    private static String outputText;
    private static final Map<String, JsonNode> CELLS = new HashMap<>();
    private static final List<JsonNode> ROWS = new ArrayList<>();

    @BeforeAll
    static void replayTheDataset() throws Exception {
        // given: the hand-crafted dataset and an output file
        Path out = work.resolve("indicators.json");

        // when: the replay command runs in-process
        exitCode = new CommandLine(new Main()).execute("replay", "--input", LanguageReplayDatasetTest.dataset().toString(),
                "--as-of", AS_OF, "--output", out.toString());

        if (Files.exists(out)) {
            outputText = Files.readString(out, StandardCharsets.UTF_8);
            JsonNode array = JSON.readTree(outputText);
            assertThat(array.isArray()).as("replay output is one JSON array").isTrue();
            for (JsonNode row : array) {
                ROWS.add(row);
                CELLS.put(key(row.path("indicator").asText(), row.path("period").asText(),
                        row.path("scope").asText()), row);
            }
        }
    }

    @Test
    void givenTheDataset_whenReplayed_thenTheCommandSucceedsAndWritesAnArray() {
        // then
        assertThat(exitCode).isZero();
        assertThat(outputText).as("output file").isNotNull();
        assertThat(ROWS).isNotEmpty();
    }

    @Test
    void givenTheDataset_whenReplayed_thenLanguageTrainingShareHasTheHandWorkedValues() {
        SoftAssertions then = new SoftAssertions();

        // --- years ---
        // 2025 all: den 13 = w01 (L 07-08), w02 (L 08-03 = departure), w04, w05 (S-05b, L 09-02), w06 (S-06b,
        //   L 07-12), w07 (S-07a L 03-04 <= dep 04-30; S-07b L 10-31), w09 (dep 10-15 >= 01-01), w10 (L 06-03),
        //   w11 (L 07-04), w12 (L 04-02), w14 (L 2024-11-05, dep 03-31 >= 01-01), w15 (L 07-15),
        //   w17 (L 04-15, dep 05-20). Not: w03 (left 08-02 < L), w13 (left 09-30 < L 12-02), w08 (retracted).
        //   num 7 = w01 (09-15), w02 (03-01), w04 (2024-10-01), w06 (2024-11-04), w09 (06-16), w11 (11-17),
        //   w15 (05-05). Not: w05 (DROPPED / no startedOn), w07 (CANCELLED), w10 (retracted / ENROLLED / invalid),
        //   w12 (starts 2026-01-12), w14 (no enrolment of its own), w17 (invalid / dead-lettered).
        //   7/13 = 0.538461538 >= 0.35
        shown(then, LTS, "2025", ALL, 7, 13, 0.5384615385, "ON_TRACK");
        // 2024 all: den 4 = w04 (L 08-31), w06 (S-06a L 10-01, dep 12-20), w09 (L 12-03), w14 (L 11-05).
        //   Not: w05 (left 06-30 < L 07-16), w07/w10/w12/w17 (L in 2025), w08 (retracted), BSN and
        //   key-mismatch stays (dead letters). num 2 = w04 (2024-10-01), w06 (2024-11-04); w09 trained only
        //   2025-06-16 (its ENROLLED version re-sent stale), w14 never.  2/4 = 0.5
        shown(then, LTS, "2024", ALL, 2, 4, 0.5, "ON_TRACK");

        // --- quarters ---
        // 2024-Q4 (10-01..12-31): den 4 = w04, w06 (L 10-01 = start, dep 12-20), w09 (L 12-03), w14 (L 11-05);
        //   num 2 = w04, w06.  2/4 = 0.5
        shown(then, LTS, "2024-Q4", ALL, 2, 4, 0.5, "ON_TRACK");
        // 2025-Q1 (01-01..03-31): den 4 = w04, w07 (S-07a L 03-04, dep 04-30), w09, w14 (dep 03-31);
        //   not w12 (L 04-02), w06 (S-06a left 2024-12-20). num 1 = w04; w09 not yet (06-16).  1/4 = 0.25 < 0.30
        shown(then, LTS, "2025-Q1", ALL, 1, 4, 0.25, "OFF_TRACK");
        // 2025-Q2 (04-01..06-30): den 6 = w04, w07 (dep 04-30 >= 04-01), w09, w10 (L 06-03), w12 (L 04-02),
        //   w17 (L 04-15, dep 05-20); not w14 (left 03-31 < 04-01), w11 (L 07-04).
        //   num 2 = w04, w09 (06-16 <= 06-30); w17's ACTIVE enrolment was dead-lettered (key mismatch).
        //   2/6 = 0.333 in [0.30, 0.35)
        shown(then, LTS, "2025-Q2", ALL, 2, 6, 0.3333333333, "AT_RISK");
        // 2025-Q3 (07-01..09-30): den 10 = w01, w02 (dep 08-03 = L), w04, w05 (L 09-02), w06, w09, w10, w11,
        //   w12, w15; not w03, w07 (S-07a gone 04-30, S-07b L 10-31), w13, w17 (gone 05-20).
        //   num 6 = w01 (09-15), w02, w04, w06, w09, w15; not w05, w10, w11 (11-17), w12.  6/10 = 0.6
        shown(then, LTS, "2025-Q3", ALL, 6, 10, 0.6, "ON_TRACK");

        // --- months ---
        // 2024-07: no stay long by 07-31 and still there: w05's L 07-16 but it left 06-30; w04's L is 08-31.
        noData(then, LTS, "2024-07", ALL);
        // 2024-08: den 1 = w04, long from 08-31, the month's last day (L <= R(P) = 08-31).
        //   num 0 (w04 starts 2024-10-01).  0/1 = 0
        shown(then, LTS, "2024-08", ALL, 0, 1, 0.0, "OFF_TRACK");
        // 2025-06: den 4 = w04, w09, w10 (long from 06-03), w12; not w07 (left 04-30), w17 (left 05-20).
        //   num 2 = w04, w09 (started 06-16, within the month).  2/4 = 0.5
        shown(then, LTS, "2025-06", ALL, 2, 4, 0.5, "ON_TRACK");
        // 2025-07, the month four stays turn long: den 8 = w01 (07-08), w06 (07-12), w11 (07-04), w15 (07-15),
        //   w04, w09, w10, w12; not w02 (L 08-03 > 07-31), w05 (L 09-02).
        //   num 4 = w04, w06, w09, w15; not w01 (09-15), w11 (11-17), w10, w12.  4/8 = 0.5
        shown(then, LTS, "2025-07", ALL, 4, 8, 0.5, "ON_TRACK");
        // 2025-08, the 183-day boundary month: den 9 = w01, w02 (departs 08-03, exactly L: counts), w04, w06,
        //   w09, w10, w11, w12, w15; not w03 (departs 08-02, one day before L 08-03), w05 (L 09-02).
        //   num 5 = w02, w04, w06, w09, w15.  5/9 = 0.5556
        shown(then, LTS, "2025-08", ALL, 5, 9, 0.5555555556, "ON_TRACK");
        // 2025-09: den 9 = w01, w04, w05 (long from 09-02), w06, w09, w10, w11, w12, w15; w02 left 08-03 < 09-01.
        //   num 5 = w01 (started 09-15), w04, w06, w09, w15.  5/9
        shown(then, LTS, "2025-09", ALL, 5, 9, 0.5555555556, "ON_TRACK");

        // --- sector scopes ---
        // LOGISTICS 2025: den 12 = the 13 of 2025 all minus w07 (its long stays are FOOD_PRODUCTION and
        //   HORTICULTURE); w06 counts through S-06b, w11 through its corrected sector.
        //   num 7 = w01, w02, w04, w06, w09, w11, w15.  7/12 = 0.5833
        shown(then, LTS, "2025", LOGISTICS, 7, 12, 0.5833333333, "ON_TRACK");
        // LOGISTICS 2025-Q3: den 10 = same as Q3 all (all ten through LOGISTICS stays); num 6.
        shown(then, LTS, "2025-Q3", LOGISTICS, 6, 10, 0.6, "ON_TRACK");
        // LOGISTICS 2024: den 3 = w04, w09, w14 (w06's 2024 stay is HORTICULTURE): 0 < 3 < 5
        suppressed(then, LTS, "2024", LOGISTICS);
        // HORTICULTURE 2025: den 1 = w07 (S-07b long from 10-31); w13 left before its L
        suppressed(then, LTS, "2025", HORTICULTURE);
        // FOOD_PRODUCTION 2025: den 1 = w07 (S-07a, L 03-04, left 04-30); w11's FOOD stay was corrected away
        suppressed(then, LTS, "2025", FOOD);
        // HORTICULTURE 2024: den 1 = w06 (S-06a)
        suppressed(then, LTS, "2024", HORTICULTURE);

        then.assertAll();
    }

    @Test
    void givenTheDataset_whenReplayed_thenLongStayShareHasTheHandWorkedValues() {
        SoftAssertions then = new SoftAssertions();

        // --- years ---
        // 2025 all: den 15 = every worker with a stay touching 2025: w01, w02, w03, w04, w05, w06, w07, w09, w10,
        //   w11, w12, w13, w14 (left 03-31), w15, w17 (left 05-20); not w08 (retracted), BSN, key mismatch,
        //   invalid lines. num 13 = LTS 2025 denominator (all but w03, w13).  13/15 = 0.8667
        shown(then, LSS, "2025", ALL, 13, 15, 0.8666666667, "NO_TARGET");
        // 2024 all: den 9 = w04, w05 (S-05a), w06 (S-06a), w07 (S-07a from 09-02), w09, w10 (from 12-02),
        //   w12 (from 10-01), w14, w17 (from 10-14). num 4 = w04, w06, w09, w14.  4/9 = 0.4444
        shown(then, LSS, "2024", ALL, 4, 9, 0.4444444444, "NO_TARGET");

        // --- quarters ---
        // 2024-Q4: den 8 = w04, w06 (until 12-20), w07, w09, w10, w12, w14, w17; not w05 (left 06-30).
        //   num 4 = w04, w06, w09, w14.  4/8 = 0.5
        shown(then, LSS, "2024-Q4", ALL, 4, 8, 0.5, "NO_TARGET");
        // 2025-Q1: den 14 = w01, w02, w03, w04, w05 (S-05b from 03-03), w06, w07, w09, w10, w11, w12, w14, w15,
        //   w17; not w13 (arrives 06-02). num 4 = w04, w07, w09, w14.  4/14 = 0.2857
        shown(then, LSS, "2025-Q1", ALL, 4, 14, 0.2857142857, "NO_TARGET");
        // 2025-Q2: den 14 = w01, w02, w03, w04, w05, w06, w07, w09, w10, w11, w12, w13, w15, w17;
        //   not w14 (left 03-31). num 6 = w04, w07, w09, w10, w12, w17.  6/14 = 0.4286
        shown(then, LSS, "2025-Q2", ALL, 6, 14, 0.4285714286, "NO_TARGET");
        // 2025-Q3: den 13 = w01, w02, w03, w04, w05, w06, w07 (S-07b), w09, w10, w11, w12, w13, w15;
        //   not w14, w17. num 10 (LTS Q3 denominator).  10/13 = 0.7692
        shown(then, LSS, "2025-Q3", ALL, 10, 13, 0.7692307692, "NO_TARGET");

        // --- months ---
        // 2024-07: den 4 = w04, w06, w09, w14; not w05 (left 06-30, before 07-01). num 0.  0/4 = 0
        shown(then, LSS, "2024-07", ALL, 0, 4, 0.0, "NO_TARGET");
        // 2024-08: den 4 = w04, w06, w09, w14 (w07 arrives 09-02). num 1 = w04 (long from 08-31).  1/4
        shown(then, LSS, "2024-08", ALL, 1, 4, 0.25, "NO_TARGET");
        // 2025-06: den 13 = w01, w02, w03, w04, w05, w06, w07 (S-07b), w09, w10, w11, w12, w13 (from 06-02), w15;
        //   not w14, w17 (left 05-20). num 4 = w04, w09, w10, w12.  4/13 = 0.3077
        shown(then, LSS, "2025-06", ALL, 4, 13, 0.3076923077, "NO_TARGET");
        // 2025-07: den 13 = same thirteen as 2025-06. num 8 (LTS 2025-07 denominator).  8/13 = 0.6154
        shown(then, LSS, "2025-07", ALL, 8, 13, 0.6153846154, "NO_TARGET");
        // 2025-08: den 13 = same thirteen (w02 until 08-03, w03 until 08-02 both touch August).
        //   num 9 (LTS 2025-08 denominator; w03 is present but not long).  9/13 = 0.6923
        shown(then, LSS, "2025-08", ALL, 9, 13, 0.6923076923, "NO_TARGET");
        // 2025-09: den 11 = w01, w04, w05, w06, w07, w09, w10, w11, w12, w13 (until 09-30), w15; w02 and w03
        //   left in August. num 9 (LTS 2025-09 denominator).  9/11 = 0.8182
        shown(then, LSS, "2025-09", ALL, 9, 11, 0.8181818182, "NO_TARGET");

        // --- sector scopes ---
        // LOGISTICS 2025: den 13 = the 15 of 2025 all minus w07 and w13 (no LOGISTICS stay).
        //   num 12 = LTS LOGISTICS 2025 denominator (all but w03).  12/13 = 0.9231
        shown(then, LSS, "2025", LOGISTICS, 12, 13, 0.9230769231, "NO_TARGET");
        // LOGISTICS 2025-Q3: den 11 = Q3 all minus w07 and w13 (HORTICULTURE). num 10.  10/11 = 0.9091
        shown(then, LSS, "2025-Q3", LOGISTICS, 10, 11, 0.9090909091, "NO_TARGET");
        // LOGISTICS 2024: den 7 = w04, w05, w09, w10, w12, w14, w17 (w06: HORTICULTURE, w07: FOOD); shown
        //   although LTS LOGISTICS 2024 is suppressed. num 3 = w04, w09, w14.  3/7 = 0.4286
        shown(then, LSS, "2024", LOGISTICS, 3, 7, 0.4285714286, "NO_TARGET");
        // HORTICULTURE 2025: den 2 = w07 (S-07b), w13
        suppressed(then, LSS, "2025", HORTICULTURE);
        // FOOD_PRODUCTION 2025: den 1 = w07 (S-07a)
        suppressed(then, LSS, "2025", FOOD);
        // HORTICULTURE 2024: den 1 = w06 (S-06a)
        suppressed(then, LSS, "2024", HORTICULTURE);

        then.assertAll();
    }

    @Test
    void givenTheDataset_whenReplayed_thenOnlyOpenPeriodsAreWrittenAndAllArePresentForScopeAll() {
        // then: nothing outside the open years 2024 and 2025
        assertThat(ROWS).extracting(r -> r.path("period").asText())
                .allMatch(p -> p.startsWith("2024") || p.startsWith("2025"));
        // and every year, quarter and month of 2024 and 2025 (all start on or before D) is there for LTS/all
        Set<String> expected = new TreeSet<>();
        for (String year : List.of("2024", "2025")) {
            expected.add(year);
            for (int q = 1; q <= 4; q++) {
                expected.add(year + "-Q" + q);
            }
            for (int m = 1; m <= 12; m++) {
                expected.add(year + "-" + (m < 10 ? "0" : "") + m);
            }
        }
        Set<String> ltsAll = new TreeSet<>();
        Set<String> lssAll = new TreeSet<>();
        for (JsonNode row : ROWS) {
            if (ALL.equals(row.path("scope").asText())) {
                if (LTS.equals(row.path("indicator").asText())) {
                    ltsAll.add(row.path("period").asText());
                } else if (LSS.equals(row.path("indicator").asText())) {
                    lssAll.add(row.path("period").asText());
                }
            }
        }
        assertThat(expected).hasSize(34);
        assertThat(ltsAll).isEqualTo(expected);
        assertThat(lssAll).isEqualTo(expected);
        // one row per (indicator, period, scope)
        assertThat(CELLS).hasSameSizeAs(ROWS);
    }

    @Test
    void givenTheDataset_whenReplayed_thenNoWorkerRefOrBsnIsInTheOutput() {
        // then
        assertThat(outputText).isNotNull()
                .doesNotContain("w_00000000000000")
                .doesNotContain("111222333");
    }

    // ------------------------------------------------------------------ helpers

    private static String key(String indicator, String period, String scope) {
        return indicator + "|" + period + "|" + scope;
    }

    private static JsonNode cell(SoftAssertions then, String indicator, String period, String scope) {
        JsonNode row = CELLS.get(key(indicator, period, scope));
        then.assertThat(row).as("row %s %s %s", indicator, period, scope).isNotNull();
        return row;
    }

    private static void shown(SoftAssertions then, String indicator, String period, String scope,
            long numerator, long denominator, double value, String status) {
        JsonNode row = cell(then, indicator, period, scope);
        if (row == null) {
            return;
        }
        String at = indicator + " " + period + " " + scope;
        then.assertThat(row.path("numerator").isIntegralNumber() ? row.path("numerator").asLong() : null)
                .as("%s numerator", at).isEqualTo(numerator);
        then.assertThat(row.path("denominator").isIntegralNumber() ? row.path("denominator").asLong() : null)
                .as("%s denominator", at).isEqualTo(denominator);
        then.assertThat(row.path("value").isNumber() ? row.path("value").asDouble() : null)
                .as("%s value", at).isCloseTo(value, within(EPS));
        targetAndExpected(then, row, indicator, at);
        then.assertThat(row.path("status").asText()).as("%s status", at).isEqualTo(status);
    }

    private static void noData(SoftAssertions then, String indicator, String period, String scope) {
        JsonNode row = cell(then, indicator, period, scope);
        if (row == null) {
            return;
        }
        String at = indicator + " " + period + " " + scope;
        then.assertThat(row.path("numerator").asText()).as("%s numerator", at).isEqualTo("0");
        then.assertThat(row.path("denominator").asText()).as("%s denominator", at).isEqualTo("0");
        then.assertThat(row.path("value").isNull()).as("%s value is null", at).isTrue();
        targetAndExpected(then, row, indicator, at);
        then.assertThat(row.path("status").asText()).as("%s status", at).isEqualTo("NO_DATA");
    }

    private static void suppressed(SoftAssertions then, String indicator, String period, String scope) {
        JsonNode row = cell(then, indicator, period, scope);
        if (row == null) {
            return;
        }
        String at = indicator + " " + period + " " + scope;
        then.assertThat(row.path("numerator").isNull()).as("%s numerator is null", at).isTrue();
        then.assertThat(row.path("denominator").isNull()).as("%s denominator is null", at).isTrue();
        then.assertThat(row.path("value").isNull()).as("%s value is null", at).isTrue();
        targetAndExpected(then, row, indicator, at);
        then.assertThat(row.path("status").asText()).as("%s status", at).isEqualTo("SUPPRESSED");
    }

    /** LTS: target and expected 0.35 whatever the status; LSS has no target: both null. */
    private static void targetAndExpected(SoftAssertions then, JsonNode row, String indicator, String at) {
        if (LTS.equals(indicator)) {
            then.assertThat(row.path("target").isNumber() ? row.path("target").asDouble() : null)
                    .as("%s target", at).isEqualTo(LTS_TARGET);
            then.assertThat(row.path("expected").isNumber() ? row.path("expected").asDouble() : null)
                    .as("%s expected", at).isEqualTo(LTS_TARGET);
        } else {
            then.assertThat(row.path("target").isNull()).as("%s target is null", at).isTrue();
            then.assertThat(row.path("expected").isNull()).as("%s expected is null", at).isTrue();
        }
    }
}
