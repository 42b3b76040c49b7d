package nl.abu.monitor.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/** The as-of date D of the contract: "today" in Europe/Amsterdam when live, a fixed date in a replay. */
public interface AsOfDate extends Supplier<LocalDate> {
    ZoneId PLAN_ZONE = ZoneId.of("Europe/Amsterdam");

    static AsOfDate fixed(LocalDate date) {
        return () -> date;
    }

    static AsOfDate today(Clock clock) {
        return () -> LocalDate.now(clock.withZone(PLAN_ZONE));
    }
}
