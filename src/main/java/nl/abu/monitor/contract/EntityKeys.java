package nl.abu.monitor.contract;

import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.WorkerStay;
import org.apache.avro.specific.SpecificRecord;

/** The key of each input record, built from the value's own fields as contract section 2 gives it. */
public final class EntityKeys {
    public static final String SEPARATOR = "/";

    private EntityKeys() {
    }

    public static String of(SpecificRecord value) {
        if (value instanceof Member m) {
            return m.getMemberId();
        } else if (value instanceof WorkerStay s) {
            return join(s.getMemberId(), s.getStayId());
        } else if (value instanceof LanguageEnrolment e) {
            return join(e.getMemberId(), e.getEnrolmentId());
        } else if (value instanceof EuresPlacement p) {
            return join(p.getMemberId(), p.getPlacementId());
        } else if (value instanceof BrpRegistration r) {
            return join(r.getMemberId(), r.getStayId(), r.getKind().name());
        } else if (value instanceof PksHousingRating h) {
            return join(h.getMemberId(), h.getHousingUnitRef(), h.getRatedOn().toString());
        }
        throw new IllegalArgumentException("no key rule for " + value.getSchema().getFullName());
    }

    /** How many {@code /}-separated parts a key of the topic has. */
    public static int partsOf(String topic) {
        return switch (topic) {
            case Topics.MEMBERS -> 1;
            case Topics.BRP_REGISTRATIONS, Topics.PKS_HOUSING_RATINGS -> 3;
            case Topics.WORKER_STAYS, Topics.LANGUAGE_ENROLMENTS, Topics.EURES_PLACEMENTS -> 2;
            default -> throw new IllegalArgumentException("not an input topic: " + topic);
        };
    }

    /** The memberId part of an entity key. */
    public static String memberOf(String key) {
        int slash = key.indexOf(SEPARATOR);
        return slash < 0 ? key : key.substring(0, slash);
    }

    public static String join(String... parts) {
        return String.join(SEPARATOR, parts);
    }
}
