package nl.abu.monitor.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods reported for an as-of date D (contract section 3): every month, quarter and year of the open
 * years (D's year and the ones before it, two by default) that starts on or before D.
 */
public final class ReportingCalendar {
    public static final int DEFAULT_OPEN_YEARS = 2;

    private final LocalDate asOf;
    private final List<Period> periods;

    public ReportingCalendar(LocalDate asOf, int openYears) {
        if (openYears < 1) {
            throw new IllegalArgumentException("openYears must be at least 1, was " + openYears);
        }
        this.asOf = asOf;
        this.periods = List.copyOf(periodsUpTo(asOf, openYears));
    }

    public ReportingCalendar(LocalDate asOf) {
        this(asOf, DEFAULT_OPEN_YEARS);
    }

    private static List<Period> periodsUpTo(LocalDate asOf, int openYears) {
        List<Period> result = new ArrayList<>();
        for (int year = asOf.getYear() - openYears + 1; year <= asOf.getYear(); year++) {
            result.add(Period.year(year));
            for (int q = 1; q <= 4; q++) {
                result.add(Period.quarter(year, q));
            }
            for (int m = 1; m <= 12; m++) {
                result.add(Period.month(year, m));
            }
        }
        result.removeIf(p -> p.start().isAfter(asOf));
        result.sort(null);
        return result;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The reported periods, ordered by start date, longer periods first. */
    public List<Period> periods() {
        return periods;
    }

    /** The first day that an open period can cover; older facts cannot affect any reported value. */
    public LocalDate firstOpenDay() {
        return periods.get(0).start();
    }
}
