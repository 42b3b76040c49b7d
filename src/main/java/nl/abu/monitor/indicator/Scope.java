package nl.abu.monitor.indicator;

import nl.abu.monitor.events.Sector;

/**
 * The scopes of contract section 4: {@code all}, and {@code sector:<SECTOR>}. Cell rules name a scope by its
 * index (0 for {@code all}, 1 + the sector's ordinal for a sector), so that they build no text per cell.
 */
public final class Scope {
    public static final String ALL = "all";
    private static final String SECTOR_PREFIX = "sector:";
    /** The index of {@code all}. */
    public static final int ALL_INDEX = 0;
    /** How many scope indices there are: {@code all} and one per sector. */
    public static final int COUNT = 1 + Sector.values().length;

    private static final String[] NAMES = new String[COUNT];

    static {
        NAMES[ALL_INDEX] = ALL;
        for (Sector sector : Sector.values()) {
            NAMES[indexOf(sector)] = of(sector);
        }
    }

    private Scope() {
    }

    public static String of(Sector sector) {
        return SECTOR_PREFIX + sector.name();
    }

    /** The index of a sector's scope. */
    public static int indexOf(Sector sector) {
        return 1 + sector.ordinal();
    }

    /** The scope with this index, as written in cell keys. */
    public static String name(int index) {
        return NAMES[index];
    }

    public static boolean isSector(String scope) {
        return scope.startsWith(SECTOR_PREFIX);
    }
}
