package nl.abu.monitor.indicator;

import java.util.Arrays;
import java.util.List;

/** The indicators of contract section 4. */
public enum Indicator {
    LANGUAGE_TRAINING_SHARE("language_training_share", "language", IndicatorKind.RATIO, true),
    LONG_STAY_SHARE("long_stay_share", "language", IndicatorKind.RATIO, true),
    EURES_FEC_MEMBERS("eures_fec_members", "eures-member", IndicatorKind.COUNT, false),
    EURES_PLACEMENTS("eures_placements", "eures-placement", IndicatorKind.COUNT, true),
    BRP_REGISTRATION_ON_TIME_SHARE("brp_registration_on_time_share", "brp", IndicatorKind.RATIO, true),
    BRP_DEREGISTRATION_SHARE("brp_deregistration_share", "brp", IndicatorKind.RATIO, true),
    HOUSING_CERTIFIED_SHARE("housing_certified_share", "housing", IndicatorKind.RATIO, false),
    HOUSING_RENT_WITHIN_PKS_SHARE("housing_rent_within_pks_share", "housing", IndicatorKind.RATIO, false),
    HOUSING_AVERAGE_PKS_POINTS("housing_average_pks_points", "housing", IndicatorKind.MEAN, false);

    private final String id;
    private final String family;
    private final IndicatorKind kind;
    private final boolean sectorScopes;

    Indicator(String id, String family, IndicatorKind kind, boolean sectorScopes) {
        this.id = id;
        this.family = family;
        this.kind = kind;
        this.sectorScopes = sectorScopes;
    }

    public String id() {
        return id;
    }

    /** The name of the {@link Family} whose cell rule counts it. */
    public String family() {
        return family;
    }

    /** The indicators of the family of this name, in the contract's order. */
    public static List<Indicator> ofFamily(String family) {
        return Arrays.stream(values()).filter(i -> i.family.equals(family)).toList();
    }

    public IndicatorKind kind() {
        return kind;
    }

    /** Whether the indicator is also reported per sector, besides {@code all}. */
    public boolean hasSectorScopes() {
        return sectorScopes;
    }

    public static Indicator byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown indicator: " + id));
    }
}
