package nl.abu.monitor.families;

import java.util.List;
import nl.abu.monitor.families.brp.BrpFamily;
import nl.abu.monitor.families.eures.EuresFamilies;
import nl.abu.monitor.families.housing.HousingFamily;
import nl.abu.monitor.families.language.LanguageFamily;
import nl.abu.monitor.indicator.Family;

/** Every indicator family, each described by its own package; the pipeline builds them all from this list. */
public final class Families {
    public static final List<Family<?>> ALL = List.of(LanguageFamily.family(), EuresFamilies.placements(),
            EuresFamilies.members(), BrpFamily.family(), HousingFamily.family());

    private Families() {
    }

    /** Every family's name; each keeps its indicator table in {@link Family#totalsStoreOf(String)}. */
    public static List<String> names() {
        return ALL.stream().map(Family::name).toList();
    }

    /** The stores of every family's indicator table. */
    public static List<String> totalsStores() {
        return ALL.stream().map(Family::totalsStore).toList();
    }
}
