package nl.abu.monitor.tools.simulator;

import java.util.List;
import nl.abu.monitor.events.Sector;

/** Realistic mixes of the Dutch labour-migration picture: who comes from where, to which sector and town. */
final class ReferenceData {

    static final Weighted<String> NATIONALITIES = new Weighted<String>()
            .add("PL", 38).add("RO", 15).add("BG", 8).add("HU", 6).add("UA", 6).add("LT", 5).add("PT", 5)
            .add("ES", 4).add("LV", 3).add("SK", 3).add("IT", 2).add("GR", 2).add("HR", 1).add("CZ", 1).add("EE", 1);

    /** Logistics and food production employ most labour migrants. */
    static final Weighted<Sector> SECTORS = new Weighted<Sector>()
            .add(Sector.LOGISTICS, 32).add(Sector.FOOD_PRODUCTION, 22).add(Sector.HORTICULTURE, 14)
            .add(Sector.MANUFACTURING, 9).add(Sector.AGRICULTURE, 8).add(Sector.METAL_AND_TECHNICAL, 6)
            .add(Sector.CONSTRUCTION, 5).add(Sector.OTHER, 4);

    /** CBS codes of towns where many labour migrants work, weighted roughly by their share. */
    static final Weighted<String> MUNICIPALITIES = new Weighted<String>()
            .add("GM0599", 8)   // Rotterdam
            .add("GM0363", 7)   // Amsterdam
            .add("GM0518", 5)   // Den Haag
            .add("GM0983", 6)   // Venlo
            .add("GM0855", 6)   // Tilburg
            .add("GM0772", 5)   // Eindhoven
            .add("GM0758", 4)   // Breda
            .add("GM0344", 4)   // Utrecht
            .add("GM0796", 3)   // 's-Hertogenbosch
            .add("GM0867", 4)   // Waalwijk
            .add("GM1674", 3)   // Roosendaal
            .add("GM1709", 3)   // Moerdijk
            .add("GM0394", 4)   // Haarlemmermeer
            .add("GM0935", 2)   // Maastricht
            .add("GM0957", 2)   // Roermond
            .add("GM0268", 2)   // Nijmegen
            .add("GM0202", 2)   // Arnhem
            .add("GM0153", 2)   // Enschede
            .add("GM0193", 2)   // Zwolle
            .add("GM0014", 2)   // Groningen
            .add("GM0034", 2);  // Almere

    /** Greenhouses and fields: where horticulture and agriculture stays mostly are. */
    static final Weighted<String> RURAL_MUNICIPALITIES = new Weighted<String>()
            .add("GM1783", 10)  // Westland
            .add("GM1621", 4)   // Lansingerland
            .add("GM1507", 4)   // Horst aan de Maas
            .add("GM0983", 3)   // Venlo
            .add("GM0984", 2)   // Venray
            .add("GM0394", 2);  // Haarlemmermeer

    /** Province codes PV20 (Groningen) to PV31 (Limburg); agencies concentrate in the west and south. */
    static final Weighted<String> PROVINCES = new Weighted<String>()
            .add("PV20", 3).add("PV21", 2).add("PV22", 2).add("PV23", 4).add("PV24", 2).add("PV25", 9)
            .add("PV26", 7).add("PV27", 14).add("PV28", 18).add("PV29", 3).add("PV30", 16).add("PV31", 8);

    /** Planned stay length in months: mostly a season, some a year or more. */
    static final Weighted<Integer> STAY_MONTHS = new Weighted<Integer>()
            .add(2, 10).add(3, 14).add(4, 13).add(5, 10).add(6, 11).add(7, 8).add(8, 7).add(9, 6).add(10, 5)
            .add(11, 4).add(12, 6).add(13, 3).add(14, 3);

    /** Arrivals per calendar month relative to the average: the spring season peaks. */
    static final double[] MONTHLY_ARRIVALS = {0.80, 0.85, 1.10, 1.20, 1.15, 1.05, 1.00, 1.00, 1.05, 1.00, 0.95, 0.85};

    static final List<String> NAME_STARTS = List.of("Flex", "Euro", "Inter", "Uni", "Pro", "Top", "Work", "Trans",
            "Agri", "Noord", "Zuid", "West", "Holland", "Delta", "Polder", "Brabant", "Maas", "Rijn");
    static final List<String> NAME_ENDS = List.of("Staffing", "Uitzendbureau", "Personeelsdiensten", "Jobs", "Werk",
            "Detachering", "Recruitment", "Flexwerk", "Uitzendgroep");

    private ReferenceData() {
    }

    static String municipalityFor(Sector sector, RandomSource random) {
        boolean rural = sector == Sector.HORTICULTURE || sector == Sector.AGRICULTURE;
        return random.pick(rural && random.chance(0.8) ? RURAL_MUNICIPALITIES : MUNICIPALITIES);
    }
}
