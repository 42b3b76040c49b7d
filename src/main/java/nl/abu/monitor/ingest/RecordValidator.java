package nl.abu.monitor.ingest;

import static nl.abu.monitor.ingest.RejectionReason.DATE_OUT_OF_RANGE;
import static nl.abu.monitor.ingest.RejectionReason.DEPARTURE_BEFORE_ARRIVAL;
import static nl.abu.monitor.ingest.RejectionReason.INVALID_FORMAT;
import static nl.abu.monitor.ingest.RejectionReason.INVALID_VALUE;
import static nl.abu.monitor.ingest.RejectionReason.KEY_MISMATCH;
import static nl.abu.monitor.ingest.RejectionReason.LOOKS_LIKE_BSN;
import static nl.abu.monitor.ingest.RejectionReason.MEMBER_MISMATCH;
import static nl.abu.monitor.ingest.RejectionReason.MISSING_KEY;
import static nl.abu.monitor.ingest.RejectionReason.WRONG_SCHEMA;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.abu.monitor.contract.ContractFormats;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.SourceTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.period.AsOfDate;
import org.apache.avro.specific.SpecificRecord;

/**
 * The plain validity rules of contract sections 1 and 2, and on a member's own topic the rule of section 9.1 that
 * it carries that member's records only; shared by the pipeline and the {@code publish} command. The first violated
 * rule is reported; the privacy rule (a BSN) is checked before all others.
 */
public final class RecordValidator {
    private final AsOfDate asOf;
    /** Each topic name met, resolved once: a lookup by pattern for every record would be work on the hot path. */
    private final Map<String, SourceTopic> sources = new ConcurrentHashMap<>();

    public RecordValidator(AsOfDate asOf) {
        this.asOf = asOf;
    }

    /**
     * Validates a record that arrived on, or is bound for, {@code topic}: an input's shared topic or a member's own
     * one. A null value is a tombstone, of which only the key can be checked.
     */
    public Optional<Rejection> validate(String topic, String key, SpecificRecord value) {
        SourceTopic source = sources.computeIfAbsent(topic, t -> SourceTopic.of(t)
                .orElseThrow(() -> new IllegalArgumentException("not an input topic: " + t)));
        Optional<Rejection> rejection = validate(source.input(), key, value);
        return rejection.isPresent() ? rejection : memberMismatch(source, key);
    }

    /** A valid key begins with its record's memberId (it is built from the value's fields), tombstone or not. */
    private static Optional<Rejection> memberMismatch(SourceTopic source, String key) {
        return source.member().filter(member -> !member.equals(EntityKeys.memberOf(key)))
                .map(member -> new Rejection(MEMBER_MISMATCH,
                        "memberId: a member's own topic carries that member's records only (contract 9.1)"));
    }

    private Optional<Rejection> validate(InputTopic input, String key, SpecificRecord value) {
        String topic = input.topic();
        if (key == null) {
            return reject(MISSING_KEY, "the record has no key");
        }
        if (value == null) {
            return validateTombstoneKey(topic, key);
        }
        if (!input.recordType().isInstance(value)) {
            return reject(WRONG_SCHEMA, "topic " + topic + " carries " + input.recordType().getSimpleName()
                    + ", not " + value.getSchema().getName());
        }
        Checks checks = new Checks(asOf.get());
        if (value instanceof Member m) {
            checkMember(m, checks);
        } else if (value instanceof WorkerStay s) {
            checkStay(s, checks);
        } else if (value instanceof LanguageEnrolment e) {
            checkEnrolment(e, checks);
        } else if (value instanceof EuresPlacement p) {
            checkPlacement(p, checks);
        } else if (value instanceof BrpRegistration r) {
            checkRegistration(r, checks);
        } else if (value instanceof PksHousingRating h) {
            checkHousing(h, checks);
        }
        if (checks.first == null && !key.equals(EntityKeys.of(value))) {
            checks.fail(KEY_MISMATCH, "the key is not the one built from the value's fields ("
                    + keyRule(topic) + ")");
        }
        return Optional.ofNullable(checks.first);
    }

    private static void checkMember(Member m, Checks c) {
        c.memberId(m.getMemberId());
        if (m.getProvince() != null) {
            c.format(ContractFormats.isProvince(m.getProvince()), "province", "PV followed by 2 digits");
        }
    }

    private static void checkStay(WorkerStay s, Checks c) {
        c.workerRef("workerRef", s.getWorkerRef());
        c.memberId(s.getMemberId());
        c.keyPart("stayId", s.getStayId());
        c.format(ContractFormats.isCountry(s.getNationality()), "nationality", "two capital letters (ISO 3166-1)");
        c.municipality(s.getMunicipality());
        c.date("arrivalDate", s.getArrivalDate());
        if (s.getDepartureDate() != null) {
            c.date("departureDate", s.getDepartureDate());
            if (s.getDepartureDate().isBefore(s.getArrivalDate())) {
                c.fail(DEPARTURE_BEFORE_ARRIVAL, "departureDate lies before arrivalDate");
            }
        }
    }

    private static void checkEnrolment(LanguageEnrolment e, Checks c) {
        c.workerRef("workerRef", e.getWorkerRef());
        c.memberId(e.getMemberId());
        c.keyPart("enrolmentId", e.getEnrolmentId());
        if (e.getStartedOn() != null) {
            c.date("startedOn", e.getStartedOn());
        }
    }

    private static void checkPlacement(EuresPlacement p, Checks c) {
        if (p.getWorkerRef() != null) {
            c.workerRef("workerRef", p.getWorkerRef());
        }
        c.memberId(p.getMemberId());
        c.keyPart("placementId", p.getPlacementId());
        c.format(ContractFormats.isCountry(p.getOriginCountry()), "originCountry", "two capital letters (ISO 3166-1)");
        c.date("placedOn", p.getPlacedOn());
    }

    private static void checkRegistration(BrpRegistration r, Checks c) {
        c.workerRef("workerRef", r.getWorkerRef());
        c.memberId(r.getMemberId());
        c.keyPart("stayId", r.getStayId());
        c.municipality(r.getMunicipality());
        c.date("effectiveDate", r.getEffectiveDate());
    }

    private static void checkHousing(PksHousingRating h, Checks c) {
        c.memberId(h.getMemberId());
        c.keyPart("housingUnitRef", h.getHousingUnitRef());
        c.municipality(h.getMunicipality());
        c.date("ratedOn", h.getRatedOn());
        c.value(h.getPksPoints() >= 0, "pksPoints must be 0 or more");
        c.value(h.getOccupants() >= 1, "occupants must be 1 or more");
        c.value(h.getWeeklyRentCents() >= 0, "weeklyRentCents must be 0 or more");
        c.value(h.getMaxWeeklyRentCents() >= 0, "maxWeeklyRentCents must be 0 or more");
    }

    private Optional<Rejection> validateTombstoneKey(String topic, String key) {
        String[] parts = key.split(EntityKeys.SEPARATOR, -1);
        boolean valid = parts.length == EntityKeys.partsOf(topic) && ContractFormats.isMemberId(parts[0]);
        for (int i = 1; valid && i < parts.length; i++) {
            valid = ContractFormats.isKeyPart(parts[i]);
        }
        if (valid && topic.equals(Topics.PKS_HOUSING_RATINGS)) {
            valid = isIsoDate(parts[2]);
        }
        return valid ? Optional.empty() : reject(KEY_MISMATCH, "a tombstone's key must have the form " + keyRule(topic));
    }

    private static boolean isIsoDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String keyRule(String topic) {
        return switch (topic) {
            case Topics.MEMBERS -> "memberId";
            case Topics.WORKER_STAYS -> "memberId/stayId";
            case Topics.LANGUAGE_ENROLMENTS -> "memberId/enrolmentId";
            case Topics.EURES_PLACEMENTS -> "memberId/placementId";
            case Topics.BRP_REGISTRATIONS -> "memberId/stayId/kind";
            case Topics.PKS_HOUSING_RATINGS -> "memberId/housingUnitRef/ratedOn";
            default -> throw new IllegalArgumentException("not an input topic: " + topic);
        };
    }

    private static Optional<Rejection> reject(RejectionReason reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }

    /** Keeps the first violation; later checks are no-ops once one failed. */
    private static final class Checks {
        private final LocalDate latestDate;
        private Rejection first;

        Checks(LocalDate asOf) {
            this.latestDate = asOf.plusDays(ContractFormats.LATEST_DATE_DAYS_AFTER_AS_OF);
        }

        void fail(RejectionReason reason, String detail) {
            if (first == null) {
                first = new Rejection(reason, detail);
            }
        }

        void workerRef(String field, String ref) {
            if (ContractFormats.looksLikeBsn(ref)) {
                fail(LOOKS_LIKE_BSN, field + " is nine digits passing the BSN eleven-test");
            }
            format(ContractFormats.isWorkerRef(ref), field, "16-64 characters [A-Za-z0-9_-]");
        }

        void memberId(String id) {
            format(ContractFormats.isMemberId(id), "memberId", "1-32 characters [A-Za-z0-9-]");
        }

        void keyPart(String field, String id) {
            format(ContractFormats.isKeyPart(id), field, "not empty and without '/'");
        }

        void municipality(String code) {
            format(ContractFormats.isMunicipality(code), "municipality", "GM followed by 4 digits");
        }

        void format(boolean ok, String field, String rule) {
            if (!ok) {
                fail(INVALID_FORMAT, field + " must be " + rule);
            }
        }

        void value(boolean ok, String rule) {
            if (!ok) {
                fail(INVALID_VALUE, rule);
            }
        }

        void date(String field, LocalDate date) {
            if (date.isBefore(ContractFormats.EARLIEST_DATE) || date.isAfter(latestDate)) {
                fail(DATE_OUT_OF_RANGE, field + " must lie between " + ContractFormats.EARLIEST_DATE + " and "
                        + latestDate + " (the as-of date plus 366 days)");
            }
        }
    }
}
