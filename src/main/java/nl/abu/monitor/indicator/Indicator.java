package nl.abu.monitor.indicator;

import java.util.Arrays;

/** The indicators of contract section 4. */
public enum Indicator {
    LANGUAGE_TRAINING_SHARE("language_training_share", IndicatorKind.RATIO, true),
    LONG_STAY_SHARE("long_stay_share", IndicatorKind.RATIO, true),
    EURES_FEC_MEMBERS("eures_fec_members", IndicatorKind.COUNT, false),
    EURES_PLACEMENTS("eures_placements", IndicatorKind.COUNT, true),
    BRP_REGISTRATION_ON_TIME_SHARE("brp_registration_on_time_share", IndicatorKind.RATIO, true),
    BRP_DEREGISTRATION_SHARE("brp_deregistration_share", IndicatorKind.RATIO, true),
    HOUSING_CERTIFIED_SHARE("housing_certified_share", IndicatorKind.RATIO, false),
    HOUSING_RENT_WITHIN_PKS_SHARE("housing_rent_within_pks_share", IndicatorKind.RATIO, false),
    HOUSING_AVERAGE_PKS_POINTS("housing_average_pks_points", IndicatorKind.MEAN, false);

    private final String id;
    private final IndicatorKind kind;
    private final boolean sectorScopes;

    Indicator(String id, IndicatorKind kind, boolean sectorScopes) {
        this.id = id;
        this.kind = kind;
        this.sectorScopes = sectorScopes;
    }

    public String id() {
        return id;
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
