package nl.abu.monitor.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent computation of the indicator contract ({@code /work/shared/spec/indicators.md}, sections 1, 3, 4,
 * 5 and 6) from a folder of JSON-lines input (section 7), written from the contract text only.
 *
 * <p><b>It shares no code with the pipeline</b>: it imports nothing from {@code nl.abu.monitor} main code (no Avro
 * classes, validator, period classes or topic constants), only the JDK and Jackson's {@link JsonNode}. It favours
 * readability over speed: every cell is computed by brute force over all entities.
 *
 * <p>Use: {@code ContractOracle.compute(folder, D)} or, for other settings, {@code new ContractOracle(settings)}.
 */
public final class ContractOracle {

    // ------------------------------------------------------------------ names from the contract (sections 2, 4)

    static final String MEMBERS = "abu.members.v1";
    static final String STAYS = "abu.worker-stays.v1";
    static final String ENROLMENTS = "abu.language-enrolments.v1";
    static final String PLACEMENTS = "abu.eures-placements.v1";
    static final String REGISTRATIONS = "abu.brp-registrations.v1";
    static final String RATINGS = "abu.pks-housing-ratings.v1";
    static final List<String> TOPICS = List.of(MEMBERS, STAYS, ENROLMENTS, PLACEMENTS, REGISTRATIONS, RATINGS);

    static final List<String> SECTORS = List.of("LOGISTICS", "FOOD_PRODUCTION", "HORTICULTURE", "AGRICULTURE",
            "CONSTRUCTION", "METAL_AND_TECHNICAL", "MANUFACTURING", "OTHER");
    static final Set<String> ENROLMENT_STATUSES = Set.of("ENROLLED", "ACTIVE", "COMPLETED", "DROPPED", "CANCELLED");
    static final Set<String> PLACEMENT_STATUSES = Set.of("PLACED", "CANCELLED");
    static final Set<String> REGISTRATION_KINDS = Set.of("BRP_REGISTRATION", "RNI_REGISTRATION", "BRP_DEREGISTRATION");
    static final Set<String> CERTIFICATIONS = Set.of("SNF", "AKF", "NONE");

    public static final String LTS = "language_training_share";
    public static final String LSS = "long_stay_share";
    public static final String FEC = "eures_fec_members";
    public static final String PLACED = "eures_placements";
    public static final String BRP_ON_TIME = "brp_registration_on_time_share";
    public static final String DEREGISTRATION = "brp_deregistration_share";
    public static final String CERTIFIED = "housing_certified_share";
    public static final String RENT = "housing_rent_within_pks_share";
    public static final String PKS_POINTS = "housing_average_pks_points";
    /** The nine indicators of section 4, in the table's order. */
    public static final List<String> INDICATORS = List.of(LTS, LSS, FEC, PLACED, BRP_ON_TIME, DEREGISTRATION,
            CERTIFIED, RENT, PKS_POINTS);

    enum Kind { RATIO, MEAN, COUNT }

    /**
     * Settings the contract calls configurable. {@code alwaysEmitScopeAll}: section 6 says "scopes with no data at
     * all may be left out"; the oracle's choice (true) is to always write scope {@code all} for every indicator and
     * reported period, even without any data. This is the one place where that choice is made.
     */
    public record Settings(int openYears, int minimumCellSize, boolean alwaysEmitScopeAll) {
        public static Settings defaults() {
            return new Settings(2, 5, true);
        }
    }

    /** A target of section 5: comparison {@code >=} (true) or {@code <=}, value, tolerance, years only or all kinds. */
    record Target(boolean atLeast, double value, double tolerance, boolean yearsOnly) {
    }

    /**
     * Section 4's default targets, section 5's default tolerances (0.05 for ratios, 0.10 relative for counts) and
     * period kinds ("ratio targets apply to every period kind", "the yearly count targets apply to years only").
     */
    static final Map<String, Target> DEFAULT_TARGETS = Map.of(
            LTS, new Target(true, 0.35, 0.05, false),
            FEC, new Target(true, 35, 0.10, true),
            BRP_ON_TIME, new Target(true, 0.95, 0.05, false),
            DEREGISTRATION, new Target(true, 0.95, 0.05, false),
            CERTIFIED, new Target(true, 1.0, 0.05, false),
            RENT, new Target(true, 1.0, 0.05, false));

    /** One output object of section 6. Null fields are JSON nulls. */
    public record Row(String indicator, String period, String scope, Long numerator, Long denominator, Double value,
                      Double target, Double expected, String status) {
        public String key() {
            return indicator + "|" + period + "|" + scope;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("indicator", indicator);
            map.put("period", period);
            map.put("scope", scope);
            map.put("numerator", numerator);
            map.put("denominator", denominator);
            map.put("value", value);
            map.put("target", target);
            map.put("expected", expected);
            map.put("status", status);
            return map;
        }
    }

    /** A calendar period of section 3. */
    record Period(String name, String kind, LocalDate start, LocalDate end) {
    }

    /** One held version of an entity: a value, or a tombstone when {@code value} is null. */
    record Version(Instant recordedAt, JsonNode value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern WORKER_REF = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM[0-9]{4}");
    private static final Pattern PROVINCE = Pattern.compile("PV[0-9]{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    /** The only line counts the oracle keeps, for tests and reports: lines applied, skipped (invalid) per topic. */
    final Map<String, int[]> lineCounts = new LinkedHashMap<>();

    private final Settings settings;
    private LocalDate asOf;
    /** Per topic, per key: the held version (section 1, "upsert semantics"). */
    private final Map<String, Map<String, Version>> held = new HashMap<>();

    public ContractOracle(Settings settings) {
        this.settings = settings;
    }

    /** The full expected replay output for as-of date {@code asOf} with the default settings. */
    public static List<Row> compute(Path folder, LocalDate asOf) throws IOException {
        return new ContractOracle(Settings.defaults()).run(folder, asOf);
    }

    public List<Row> run(Path folder, LocalDate asOf) throws IOException {
        this.asOf = asOf;
        held.clear();
        for (String topic : TOPICS) {
            held.put(topic, new LinkedHashMap<>());
            Path file = folder.resolve(topic + ".jsonl");
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        boolean applied = readLine(topic, line);
                        lineCounts.computeIfAbsent(topic, t -> new int[2])[applied ? 0 : 1]++;
                    }
                }
            }
        }
        return report();
    }

    // ================================================================== section 1 and 7: reading and latest truth

    /**
     * Section 7: "Each line is one record, in production order"; "A line that cannot become a valid record is
     * reported ... and skipped". Section 1/2: "a rejected record is not applied at all, so the version held before
     * it stays". Returns whether the line was a valid record (it may still be ignored as stale).
     */
    boolean readLine(String topic, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return false; // not JSON
        }
        if (node == null || !node.isObject() || !node.path("key").isTextual()) {
            return false;
        }
        String key = node.get("key").asText();
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            // Section 1: "A tombstone is versioned by its Kafka record timestamp (... in JSON lines, the line's
            // top-level recordedAt, required for a tombstone)".
            Instant recordedAt = instant(node.get("recordedAt"));
            if (recordedAt == null || !keyHasShape(topic, key)) {
                return false;
            }
            applyTombstone(topic, key, recordedAt);
            return true;
        }
        if (!value.isObject() || !isValid(topic, value) || !key.equals(keyOf(topic, value))) {
            return false; // invalid line, contract violation, or KEY_MISMATCH
        }
        applyVersion(topic, key, new Version(instant(value.get("recordedAt")), value));
        return true;
    }

    /**
     * Section 1: "per key, the version with the greatest recordedAt is the truth. A version whose recordedAt is
     * lower than or equal to the held one's is ignored"; "afterwards a version brings the entity back only if its
     * recordedAt is greater than the tombstone's".
     */
    private void applyVersion(String topic, String key, Version version) {
        Version current = held.get(topic).get(key);
        if (current == null || version.recordedAt().isAfter(current.recordedAt())) {
            held.get(topic).put(key, version);
        }
    }

    /**
     * Section 1: "A tombstone is a version too: it removes the held version only if it is newer than it". With no
     * held version the tombstone is held, so "a delayed old version must not resurrect it" and "re-sending a whole
     * batch, in any order, changes nothing".
     */
    private void applyTombstone(String topic, String key, Instant recordedAt) {
        applyVersion(topic, key, new Version(recordedAt, null));
    }

    /** The latest truth of a topic: the values of the held versions that are not tombstones. */
    List<JsonNode> latest(String topic) {
        List<JsonNode> values = new ArrayList<>();
        for (Version version : held.get(topic).values()) {
            if (version.value() != null) {
                values.add(version.value());
            }
        }
        return values;
    }

    /** Section 1: "The key must equal the key built from the value's own fields as the table in section 2 gives it". */
    static String keyOf(String topic, JsonNode v) {
        String m = v.get("memberId").asText();
        return switch (topic) {
            case MEMBERS -> m;
            case STAYS -> m + "/" + v.get("stayId").asText();
            case ENROLMENTS -> m + "/" + v.get("enrolmentId").asText();
            case PLACEMENTS -> m + "/" + v.get("placementId").asText();
            case REGISTRATIONS -> m + "/" + v.get("stayId").asText() + "/" + v.get("kind").asText();
            case RATINGS -> m + "/" + v.get("housingUnitRef").asText() + "/" + v.get("ratedOn").asText();
            default -> throw new IllegalArgumentException(topic);
        };
    }

    /** A tombstone's key has the shape of the topic's keys: its number of parts, the first a valid memberId. */
    static boolean keyHasShape(String topic, String key) {
        int parts = switch (topic) {
            case MEMBERS -> 1;
            case REGISTRATIONS, RATINGS -> 3;
            default -> 2;
        };
        String[] split = key.split("/", -1);
        if (split.length != parts || !MEMBER_ID.matcher(split[0]).matches()) {
            return false;
        }
        for (String part : split) {
            if (part.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sections 1 and 2, plain validity rules: every field required except province, departureDate, startedOn and
     * the placement's workerRef ("an optional field may be null or absent"); the formats; "departureDate >=
     * arrivalDate; every date between 2000-01-01 and D + 366 days, both included"; "occupants >= 1; pksPoints >= 0;
     * rents >= 0"; "enum values known".
     */
    boolean isValid(String topic, JsonNode v) {
        if (!memberId(v) || instant(v.get("recordedAt")) == null) {
            return false;
        }
        return switch (topic) {
            case MEMBERS -> text(v, "name") && bool(v, "fairEmploymentCode")
                    && optionalMatches(v, "province", PROVINCE);
            case STAYS -> text(v, "stayId") && workerRef(v, false) && matches(v, "nationality", COUNTRY)
                    && enumOf(v, "sector", SECTORS) && matches(v, "municipality", MUNICIPALITY)
                    && date(v, "arrivalDate") && optionalDate(v, "departureDate")
                    && (absent(v, "departureDate") || !date(v.get("departureDate")).isBefore(date(v.get("arrivalDate"))));
            case ENROLMENTS -> text(v, "enrolmentId") && workerRef(v, false)
                    && enumOf(v, "status", ENROLMENT_STATUSES) && optionalDate(v, "startedOn")
                    && bool(v, "duringWorkingHours") && bool(v, "doorzaamSubsidy");
            case PLACEMENTS -> text(v, "placementId") && workerRef(v, true) && matches(v, "originCountry", COUNTRY)
                    && enumOf(v, "sector", SECTORS) && date(v, "placedOn") && enumOf(v, "status", PLACEMENT_STATUSES);
            case REGISTRATIONS -> text(v, "stayId") && workerRef(v, false) && enumOf(v, "kind", REGISTRATION_KINDS)
                    && matches(v, "municipality", MUNICIPALITY) && date(v, "effectiveDate");
            case RATINGS -> text(v, "housingUnitRef") && matches(v, "municipality", MUNICIPALITY)
                    && date(v, "ratedOn") && enumOf(v, "certification", CERTIFICATIONS)
                    && integer(v, "pksPoints", 0, Integer.MAX_VALUE) && integer(v, "occupants", 1, Integer.MAX_VALUE)
                    && integer(v, "weeklyRentCents", 0, Long.MAX_VALUE)
                    && integer(v, "maxWeeklyRentCents", 0, Long.MAX_VALUE);
            default -> false;
        };
    }

    private static boolean memberId(JsonNode v) {
        return matches(v, "memberId", MEMBER_ID);
    }

    /**
     * Section 1: workerRef is "16-64 chars [A-Za-z0-9_-]. A value that is 9 digits and passes the Dutch BSN
     * eleven-test (elfproef) is rejected" ("The check applies to every workerRef field").
     */
    private static boolean workerRef(JsonNode v, boolean optional) {
        if (optional && absent(v, "workerRef")) {
            return true;
        }
        return matches(v, "workerRef", WORKER_REF) && !isBsn(v.get("workerRef").asText());
    }

    /** The elfproef: 9 digits with 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11. */
    static boolean isBsn(String text) {
        if (!text.matches("[0-9]{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (text.charAt(i) - '0');
        }
        sum -= text.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static boolean absent(JsonNode v, String field) {
        return !v.has(field) || v.get(field).isNull();
    }

    private static boolean text(JsonNode v, String field) {
        return v.path(field).isTextual();
    }

    private static boolean bool(JsonNode v, String field) {
        return v.path(field).isBoolean();
    }

    private static boolean matches(JsonNode v, String field, Pattern pattern) {
        return text(v, field) && pattern.matcher(v.get(field).asText()).matches();
    }

    private static boolean optionalMatches(JsonNode v, String field, Pattern pattern) {
        return absent(v, field) || matches(v, field, pattern);
    }

    private static boolean enumOf(JsonNode v, String field, java.util.Collection<String> symbols) {
        return text(v, field) && symbols.contains(v.get(field).asText());
    }

    private static boolean integer(JsonNode v, String field, long min, long max) {
        JsonNode n = v.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            return false;
        }
        if (max == Integer.MAX_VALUE && !n.canConvertToInt()) {
            return false;
        }
        return n.asLong() >= min && n.asLong() <= max;
    }

    private boolean date(JsonNode v, String field) {
        LocalDate date = date(v.get(field));
        return date != null && !date.isBefore(EARLIEST_DATE) && !date.isAfter(asOf.plusDays(366));
    }

    private boolean optionalDate(JsonNode v, String field) {
        return absent(v, field) || date(v, field);
    }

    /** Section 7: "Dates are YYYY-MM-DD". Null when not such a date. */
    static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual() || !node.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Section 7: "timestamps ISO-8601 instants with a zone offset"; section 1: "timestamp-millis ... compared as
     * instants, to the millisecond". Null when not such a timestamp.
     */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ================================================================== section 3: periods

    /**
     * Section 3: "each year, each quarter (2025-Q3) and each month (2025-07)"; "Periods that start after D are not
     * reported. The open years are D's year and the one before it" (openYears configurable, default 2).
     */
    List<Period> reportedPeriods() {
        List<Period> periods = new ArrayList<>();
        for (int year = asOf.getYear() - settings.openYears() + 1; year <= asOf.getYear(); year++) {
            periods.add(new Period(String.valueOf(year), "YEAR", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            for (int q = 1; q <= 4; q++) {
                LocalDate start = LocalDate.of(year, 3 * q - 2, 1);
                periods.add(new Period(year + "-Q" + q, "QUARTER", start, start.plusMonths(3).minusDays(1)));
            }
            for (int m = 1; m <= 12; m++) {
                LocalDate start = LocalDate.of(year, m, 1);
                periods.add(new Period(String.format("%d-%02d", year, m), "MONTH", start,
                        start.plusMonths(1).minusDays(1)));
            }
        }
        periods.removeIf(p -> p.start().isAfter(asOf));
        return periods;
    }

    /** Section 3: "R(P) = min(end(P), D)". */
    LocalDate r(Period p) {
        return p.end().isBefore(asOf) ? p.end() : asOf;
    }

    // ================================================================== section 4: the indicators

    /** A cell before section 5: numerator and denominator (count indicators: numerator = count, no denominator). */
    record Cell(long numerator, long denominator) {
    }

    /** Section 4's table, column "value". */
    static Kind kindOf(String indicator) {
        return switch (indicator) {
            case FEC, PLACED -> Kind.COUNT;
            case PKS_POINTS -> Kind.MEAN;
            default -> Kind.RATIO;
        };
    }

    /** Section 4's table, column "scopes": "all, sector" or "all". */
    static List<String> scopesOf(String indicator) {
        List<String> scopes = new ArrayList<>(List.of("all"));
        if (Set.of(LTS, LSS, PLACED, BRP_ON_TIME, DEREGISTRATION).contains(indicator)) {
            for (String sector : SECTORS) {
                scopes.add("sector:" + sector);
            }
        }
        return scopes;
    }

    /** "For a sector scope only the stays (and placements) of that sector count". */
    private static boolean inScope(JsonNode stayOrPlacement, String scope) {
        return scope.equals("all") || scope.equals("sector:" + stayOrPlacement.get("sector").asText());
    }

    Cell cell(String indicator, Period p, String scope) {
        return switch (indicator) {
            case LTS -> languageTrainingShare(p, scope);
            case LSS -> longStayShare(p, scope);
            case FEC -> euresFecMembers(p);
            case PLACED -> euresPlacements(p, scope);
            case BRP_ON_TIME -> registrationOnTime(p, scope);
            case DEREGISTRATION -> deregistration(p, scope);
            case CERTIFIED, RENT, PKS_POINTS -> housing(indicator, p);
            default -> throw new IllegalArgumentException(indicator);
        };
    }

    /** "A worker is the pair (memberId, workerRef)." */
    private static String worker(JsonNode v) {
        return v.get("memberId").asText() + "\u0000" + v.get("workerRef").asText();
    }

    /** "A stay is "long" from L = arrivalDate + 183 days." */
    private static LocalDate longFrom(JsonNode stay) {
        return date(stay.get("arrivalDate")).plusDays(183);
    }

    private static LocalDate departure(JsonNode stay) {
        return date(stay.get("departureDate")); // null: still here
    }

    /**
     * language_training_share denominator: "distinct (memberId, workerRef) with a stay where L <= R(P) and
     * (departureDate is null or departureDate >= max(L, start(P)))", in a sector scope through a stay of that sector.
     */
    Set<String> ltsDenominator(Period p, String scope) {
        Set<String> workers = new HashSet<>();
        for (JsonNode stay : latest(STAYS)) {
            LocalDate l = longFrom(stay);
            LocalDate dep = departure(stay);
            LocalDate from = l.isAfter(p.start()) ? l : p.start();
            if (inScope(stay, scope) && !l.isAfter(r(p)) && (dep == null || !dep.isBefore(from))) {
                workers.add(worker(stay));
            }
        }
        return workers;
    }

    /**
     * language_training_share numerator: "those of them with an enrolment (same memberId and workerRef) whose status
     * is ACTIVE or COMPLETED and whose startedOn is set and <= R(P)".
     */
    private Cell languageTrainingShare(Period p, String scope) {
        Set<String> denominator = ltsDenominator(p, scope);
        Set<String> trained = new HashSet<>();
        for (JsonNode e : latest(ENROLMENTS)) {
            String status = e.get("status").asText();
            LocalDate startedOn = date(e.get("startedOn"));
            if ((status.equals("ACTIVE") || status.equals("COMPLETED")) && startedOn != null
                    && !startedOn.isAfter(r(p))) {
                trained.add(worker(e));
            }
        }
        long numerator = denominator.stream().filter(trained::contains).count();
        return new Cell(numerator, denominator.size());
    }

    /**
     * long_stay_share: denominator "distinct (memberId, workerRef) with a stay where arrivalDate <= R(P) and
     * (departureDate is null or departureDate >= start(P))"; numerator "those of them that also belong to the
     * denominator of language_training_share (in a sector scope: that scope's denominator)".
     */
    private Cell longStayShare(Period p, String scope) {
        Set<String> denominator = new HashSet<>();
        for (JsonNode stay : latest(STAYS)) {
            LocalDate dep = departure(stay);
            if (inScope(stay, scope) && !date(stay.get("arrivalDate")).isAfter(r(p))
                    && (dep == null || !dep.isBefore(p.start()))) {
                denominator.add(worker(stay));
            }
        }
        Set<String> longStayers = ltsDenominator(p, scope);
        long numerator = denominator.stream().filter(longStayers::contains).count();
        return new Cell(numerator, denominator.size());
    }

    private boolean placedIn(JsonNode placement, Period p) {
        LocalDate placedOn = date(placement.get("placedOn"));
        return placement.get("status").asText().equals("PLACED")
                && !placedOn.isBefore(p.start()) && !placedOn.isAfter(r(p));
    }

    /**
     * eures_fec_members: "distinct memberId whose profile has fairEmploymentCode = true and that has a PLACED
     * placement with start(P) <= placedOn <= R(P)". A member without a (held, not retracted) profile does not count.
     */
    private Cell euresFecMembers(Period p) {
        Set<String> fecMembers = new HashSet<>();
        for (JsonNode member : latest(MEMBERS)) {
            if (member.get("fairEmploymentCode").asBoolean()) {
                fecMembers.add(member.get("memberId").asText());
            }
        }
        Set<String> counted = new HashSet<>();
        for (JsonNode placement : latest(PLACEMENTS)) {
            if (placedIn(placement, p) && fecMembers.contains(placement.get("memberId").asText())) {
                counted.add(placement.get("memberId").asText());
            }
        }
        return new Cell(counted.size(), 0);
    }

    /** eures_placements: "PLACED placements with start(P) <= placedOn <= R(P)", sector: the placement's sector. */
    private Cell euresPlacements(Period p, String scope) {
        long count = 0;
        for (JsonNode placement : latest(PLACEMENTS)) {
            if (placedIn(placement, p) && inScope(placement, scope)) {
                count++;
            }
        }
        return new Cell(count, 0);
    }

    /**
     * The held registration of a stay and kind, or null: "same memberId and stayId"; the topic's key is
     * memberId/stayId/kind, so there is at most one per kind.
     */
    private JsonNode registration(JsonNode stay, String kind) {
        String key = stay.get("memberId").asText() + "/" + stay.get("stayId").asText() + "/" + kind;
        Version version = held.get(REGISTRATIONS).get(key);
        return version == null ? null : version.value();
    }

    private static boolean within(LocalDate date, Period p) {
        return !date.isBefore(p.start()) && !date.isAfter(p.end());
    }

    /**
     * brp_registration_on_time_share: "denominator: stays with arrivalDate in P and arrivalDate + 5 days <= D.
     * numerator: those with a BRP_REGISTRATION or RNI_REGISTRATION (same memberId and stayId) whose effectiveDate
     * <= arrivalDate + 5 days".
     */
    private Cell registrationOnTime(Period p, String scope) {
        long numerator = 0;
        long denominator = 0;
        for (JsonNode stay : latest(STAYS)) {
            LocalDate arrival = date(stay.get("arrivalDate"));
            LocalDate deadline = arrival.plusDays(5);
            if (!inScope(stay, scope) || !within(arrival, p) || deadline.isAfter(asOf)) {
                continue;
            }
            denominator++;
            boolean onTime = false;
            for (String kind : List.of("BRP_REGISTRATION", "RNI_REGISTRATION")) {
                JsonNode reg = registration(stay, kind);
                if (reg != null && !date(reg.get("effectiveDate")).isAfter(deadline)) {
                    onTime = true;
                }
            }
            if (onTime) {
                numerator++;
            }
        }
        return new Cell(numerator, denominator);
    }

    /**
     * brp_deregistration_share: "denominator: stays with departureDate in P, departureDate + 5 days <= D, that have a
     * BRP_REGISTRATION (any effectiveDate; an RNI registration does not count here). numerator: those with a
     * BRP_DEREGISTRATION whose effectiveDate <= departureDate + 5 days".
     */
    private Cell deregistration(Period p, String scope) {
        long numerator = 0;
        long denominator = 0;
        for (JsonNode stay : latest(STAYS)) {
            LocalDate dep = departure(stay);
            if (dep == null || !inScope(stay, scope) || !within(dep, p) || dep.plusDays(5).isAfter(asOf)
                    || registration(stay, "BRP_REGISTRATION") == null) {
                continue;
            }
            denominator++;
            JsonNode deregistration = registration(stay, "BRP_DEREGISTRATION");
            if (deregistration != null && !date(deregistration.get("effectiveDate")).isAfter(dep.plusDays(5))) {
                numerator++;
            }
        }
        return new Cell(numerator, denominator);
    }

    /**
     * The housing indicators: "per housing unit (memberId, housingUnitRef) its latest rating with start(P) <= ratedOn
     * <= R(P) (a unit not rated within P is not in P: no carry-forward); denominator: units with such a rating";
     * certified: "SNF or AKF"; rent: "weeklyRentCents <= maxWeeklyRentCents"; points: "numerator = sum,
     * denominator = units".
     */
    private Cell housing(String indicator, Period p) {
        Map<String, JsonNode> latestPerUnit = new HashMap<>();
        for (JsonNode rating : latest(RATINGS)) {
            LocalDate ratedOn = date(rating.get("ratedOn"));
            if (ratedOn.isBefore(p.start()) || ratedOn.isAfter(r(p))) {
                continue;
            }
            String unit = rating.get("memberId").asText() + "\u0000" + rating.get("housingUnitRef").asText();
            JsonNode before = latestPerUnit.get(unit);
            if (before == null || ratedOn.isAfter(date(before.get("ratedOn")))) {
                latestPerUnit.put(unit, rating);
            }
        }
        long numerator = 0;
        for (JsonNode rating : latestPerUnit.values()) {
            switch (indicator) {
                case CERTIFIED -> numerator += rating.get("certification").asText().equals("NONE") ? 0 : 1;
                case RENT -> numerator += rating.get("weeklyRentCents").asLong()
                        <= rating.get("maxWeeklyRentCents").asLong() ? 1 : 0;
                default -> numerator += rating.get("pksPoints").asLong();
            }
        }
        return new Cell(numerator, latestPerUnit.size());
    }

    // ================================================================== sections 5 and 6: status and output

    /**
     * Section 6: "one object per (indicator, period, scope)"; "Every period that starts on or before D and lies in
     * the open years is present for every indicator and scope that has data; scopes with no data at all may be left
     * out". The oracle writes an (indicator, scope) for every reported period when it has a non-zero denominator
     * (ratio, mean) or count in at least one of them; scope all always when {@link Settings#alwaysEmitScopeAll()}.
     */
    List<Row> report() {
        List<Period> periods = reportedPeriods();
        List<Row> rows = new ArrayList<>();
        for (String indicator : INDICATORS) {
            for (String scope : scopesOf(indicator)) {
                Map<Period, Cell> cells = new LinkedHashMap<>();
                boolean hasData = false;
                for (Period p : periods) {
                    Cell c = cell(indicator, p, scope);
                    cells.put(p, c);
                    hasData |= kindOf(indicator) == Kind.COUNT ? c.numerator() != 0 : c.denominator() != 0;
                }
                if (!hasData && !(scope.equals("all") && settings.alwaysEmitScopeAll())) {
                    continue;
                }
                cells.forEach((p, c) -> rows.add(row(indicator, p, scope, c)));
            }
        }
        return rows;
    }

    /**
     * Section 4 (suppression) and section 5: "Which status, in this order: SUPPRESSED (section 4); NO_DATA for a
     * ratio or mean whose denominator is 0; NO_TARGET where no target applies to the period; otherwise the
     * judgement"; "target and expected are given whenever a target applies to the period, whatever the status".
     * Section 6: "for a count indicator numerator = value = the count and denominator is null".
     */
    Row row(String indicator, Period p, String scope, Cell c) {
        Kind kind = kindOf(indicator);
        Target target = DEFAULT_TARGETS.get(indicator);
        boolean applies = target != null && (!target.yearsOnly() || p.kind().equals("YEAR"));
        Double targetValue = applies ? target.value() : null;
        Double expected = applies ? expected(kind, target, p) : null;

        if (kind == Kind.COUNT) {
            double value = c.numerator();
            String status = applies ? judge(target, value, expected, true) : "NO_TARGET";
            return new Row(indicator, p.name(), scope, c.numerator(), null, value, targetValue, expected, status);
        }
        // "a sector scope whose denominator is above 0 and below the minimum cell size ... is reported with
        // numerator, denominator and value null and status SUPPRESSED"; "all is never suppressed".
        if (!scope.equals("all") && c.denominator() > 0 && c.denominator() < settings.minimumCellSize()) {
            return new Row(indicator, p.name(), scope, null, null, null, targetValue, expected, "SUPPRESSED");
        }
        if (c.denominator() == 0) {
            return new Row(indicator, p.name(), scope, c.numerator(), 0L, null, targetValue, expected, "NO_DATA");
        }
        double value = (double) c.numerator() / c.denominator();
        String status = applies ? judge(target, value, expected, false) : "NO_TARGET";
        return new Row(indicator, p.name(), scope, c.numerator(), c.denominator(), value, targetValue, expected,
                status);
    }

    /**
     * Section 5: ratio "expected = t"; count "expected = T * e / n, where e = days from start(P) to R(P), both
     * included, and n = days in P, computed in binary64 in that order".
     */
    private double expected(Kind kind, Target target, Period p) {
        if (kind != Kind.COUNT) {
            return target.value();
        }
        double e = ChronoUnit.DAYS.between(p.start(), r(p)) + 1;
        double n = ChronoUnit.DAYS.between(p.start(), p.end()) + 1;
        return target.value() * e / n;
    }

    /**
     * Section 5: ratio "ON_TRACK if value >= t; AT_RISK if value >= t - tol; OFF_TRACK otherwise"; count "ON_TRACK if
     * value >= expected; AT_RISK if value >= expected * (1 - tol)"; "For <= targets the comparisons mirror".
     */
    private static String judge(Target target, double value, double expected, boolean relative) {
        double riskBound = relative
                ? expected * (1 - (target.atLeast() ? target.tolerance() : -target.tolerance()))
                : expected + (target.atLeast() ? -target.tolerance() : target.tolerance());
        if (target.atLeast()) {
            return value >= expected ? "ON_TRACK" : value >= riskBound ? "AT_RISK" : "OFF_TRACK";
        }
        return value <= expected ? "ON_TRACK" : value <= riskBound ? "AT_RISK" : "OFF_TRACK";
    }
}
