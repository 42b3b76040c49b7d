package nl.abu.monitor.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** A calendar period of the plan: a year ({@code 2025}), a quarter ({@code 2025-Q3}) or a month ({@code 2025-07}). */
public record Period(PeriodKind kind, LocalDate start, LocalDate end, String label) implements Comparable<Period> {
    // Compiled once: parse runs for every changed cell total, and String.matches compiles its pattern on each call.
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Integer.toString(year));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate end = YearMonth.of(year, 3 * quarter).atEndOfMonth();
        return new Period(PeriodKind.QUARTER, start, end, year + "-Q" + quarter);
    }

    public static Period month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Period(PeriodKind.MONTH, ym.atDay(1), ym.atEndOfMonth(), ym.toString());
    }

    /** Parses a label as written in the output: {@code YYYY}, {@code YYYY-Qn} or {@code YYYY-MM}. */
    public static Period parse(String label) {
        if (YEAR.matcher(label).matches()) {
            return year(Integer.parseInt(label));
        }
        if (QUARTER.matcher(label).matches()) {
            return quarter(Integer.parseInt(label.substring(0, 4)), label.charAt(6) - '0');
        }
        if (MONTH.matcher(label).matches()) {
            return month(Integer.parseInt(label.substring(0, 4)), Integer.parseInt(label.substring(5)));
        }
        throw new IllegalArgumentException("not a period: " + label);
    }

    /** R(P) of the contract: the last day of the period that the as-of date has reached. */
    public LocalDate reachedBy(LocalDate asOf) {
        return end.isBefore(asOf) ? end : asOf;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public int lengthInDays() {
        return (int) (end.toEpochDay() - start.toEpochDay() + 1);
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : other.end.compareTo(end);
    }

    @Override
    public String toString() {
        return label;
    }
}
