package nl.abu.monitor.indicator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;

/**
 * The cell tables of a step: today's, built again only when the as-of date moves (a calendar costs more than a
 * cell), and those of the few earlier dates on which its entities were last evaluated. All share one numbering.
 */
final class CellTables {
    private static final int EARLIER_CALENDARS = 16;

    private final AsOfDate asOf;
    private final int openYears;
    private final CellNumbers numbers = new CellNumbers();
    private final Map<LocalDate, CellNumbers.Table> earlier = new HashMap<>();
    private CellNumbers.Table today;

    CellTables(AsOfDate asOf, int openYears) {
        this.asOf = asOf;
        this.openYears = openYears;
    }

    CellNumbers numbers() {
        return numbers;
    }

    CellNumbers.Table today() {
        LocalDate date = asOf.get();
        if (today == null || !today.calendar().asOf().equals(date)) {
            today = numbers.tableOf(new ReportingCalendar(date, openYears));
        }
        return today;
    }

    CellNumbers.Table on(LocalDate date) {
        CellNumbers.Table now = today();
        if (date.equals(now.calendar().asOf())) {
            return now;
        }
        if (earlier.size() > EARLIER_CALENDARS) {
            earlier.clear();
        }
        return earlier.computeIfAbsent(date, d -> numbers.tableOf(new ReportingCalendar(d, openYears)));
    }
}
