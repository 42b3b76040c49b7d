package nl.abu.monitor.indicator;

import nl.abu.monitor.events.Sector;

/** The scopes of contract section 4: {@code all}, and {@code sector:<SECTOR>}. */
public final class Scope {
    public static final String ALL = "all";
    private static final String SECTOR_PREFIX = "sector:";

    private Scope() {
    }

    public static String of(Sector sector) {
        return SECTOR_PREFIX + sector.name();
    }

    public static boolean isSector(String scope) {
        return scope.startsWith(SECTOR_PREFIX);
    }
}
