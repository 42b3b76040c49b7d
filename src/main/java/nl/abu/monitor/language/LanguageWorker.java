package nl.abu.monitor.language;

import java.util.List;
import java.util.Map;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.WorkerEnrolments;
import nl.abu.monitor.state.WorkerStays;

/** A worker's stays and enrolments, either of which may be missing. */
record LanguageWorker(WorkerStays stays, WorkerEnrolments enrolments) {

    Map<String, Boolean> cells(ReportingCalendar calendar) {
        if (stays == null) {
            return Map.of();
        }
        return LanguageCells.of(stays.getStays().values(),
                enrolments == null ? List.of() : enrolments.getEnrolments().values(), calendar);
    }
}
