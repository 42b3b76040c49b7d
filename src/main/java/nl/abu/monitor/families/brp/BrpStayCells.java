package nl.abu.monitor.families.brp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.events.RegistrationKind;
import nl.abu.monitor.indicator.CellSink;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.StayFacts;

/**
 * Where one stay (memberId, stayId) counts in {@code brp_registration_on_time_share} and
 * {@code brp_deregistration_share} (contract section 4), in scope {@code all} and the stay's sector:
 * <ul>
 * <li>on time: in the periods that contain arrivalDate, once arrivalDate + 5 days <= D; in the numerator if a
 * BRP_REGISTRATION or RNI_REGISTRATION has effectiveDate <= arrivalDate + 5 days;</li>
 * <li>deregistration: in the periods that contain departureDate, once departureDate + 5 days <= D and only if
 * the stay has a BRP_REGISTRATION (an RNI registration does not count); in the numerator if a
 * BRP_DEREGISTRATION has effectiveDate <= departureDate + 5 days.</li>
 * </ul>
 * Its cells change with the as-of date alone on the two deadlines.
 */
public final class BrpStayCells {
    /** A registration or deregistration is on time up to and including this many days after the event. */
    public static final int DEADLINE_DAYS = 5;

    private BrpStayCells() {
    }

    /** The family's rule: where a stay counts, given its facts and its registrations' effective dates by kind. */
    public static void cells(BrpStay stay, ReportingCalendar calendar, CellSink cells) {
        cells(stay.getStay(), stay.getEffectiveDates(), calendar, cells);
    }

    /** The rule's answer by cell key, for tests. */
    public static EntityCells of(BrpStay stay, ReportingCalendar calendar) {
        return EntityCells.of(BrpStayCells::cells, stay, calendar);
    }

    /** The rule's answer by cell key, for tests. */
    public static EntityCells of(StayFacts stay, Map<String, LocalDate> effectiveDates, ReportingCalendar calendar) {
        return EntityCells.collect(calendar, sink -> cells(stay, effectiveDates, calendar, sink));
    }

    /**
     * @param stay the stay, or null if it is not (or no longer) known: then it counts nowhere
     * @param effectiveDates the effectiveDate of each of the stay's registration events, by RegistrationKind name
     */
    static void cells(StayFacts stay, Map<String, LocalDate> effectiveDates, ReportingCalendar calendar,
            CellSink cells) {
        if (stay == null) {
            return;
        }
        LocalDate asOf = calendar.asOf();
        LocalDate registrationDue = deadline(stay.getArrivalDate());
        cells.changesOn(registrationDue);
        if (!registrationDue.isAfter(asOf)) {
            boolean onTime = onOrBefore(effectiveDates.get(RegistrationKind.BRP_REGISTRATION.name()), registrationDue)
                    || onOrBefore(effectiveDates.get(RegistrationKind.RNI_REGISTRATION.name()), registrationDue);
            count(cells, Indicator.BRP_REGISTRATION_ON_TIME_SHARE, stay, stay.getArrivalDate(), onTime, calendar);
        }
        LocalDate departure = stay.getDepartureDate();
        if (departure != null) {
            LocalDate deregistrationDue = deadline(departure);
            cells.changesOn(deregistrationDue);
            boolean registered = effectiveDates.containsKey(RegistrationKind.BRP_REGISTRATION.name());
            if (registered && !deregistrationDue.isAfter(asOf)) {
                boolean onTime = onOrBefore(effectiveDates.get(RegistrationKind.BRP_DEREGISTRATION.name()),
                        deregistrationDue);
                count(cells, Indicator.BRP_DEREGISTRATION_SHARE, stay, departure, onTime, calendar);
            }
        }
    }

    /** The last day on which a registration for an event on {@code date} is on time. */
    static LocalDate deadline(LocalDate date) {
        return date.plusDays(DEADLINE_DAYS);
    }

    private static boolean onOrBefore(LocalDate effective, LocalDate due) {
        return effective != null && !effective.isAfter(due);
    }

    /** Counts the stay in every reported period that contains {@code day}, in scope all and its sector. */
    private static void count(CellSink cells, Indicator indicator, StayFacts stay, LocalDate day,
            boolean inNumerator, ReportingCalendar calendar) {
        List<Period> periods = calendar.periods();
        for (int p = 0; p < periods.size(); p++) {
            if (periods.get(p).contains(day)) {
                cells.share(indicator, p, Scope.ALL_INDEX, inNumerator ? 1 : 0);
                cells.share(indicator, p, Scope.indexOf(stay.getSector()), inNumerator ? 1 : 0);
            }
        }
    }
}
