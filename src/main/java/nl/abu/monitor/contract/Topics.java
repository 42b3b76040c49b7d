package nl.abu.monitor.contract;

import java.util.List;
import java.util.regex.Pattern;

/** The topics of the contract (section 2) and the ones the pipeline writes. */
public final class Topics {
    public static final String MEMBERS = "abu.members.v1";
    public static final String WORKER_STAYS = "abu.worker-stays.v1";
    public static final String LANGUAGE_ENROLMENTS = "abu.language-enrolments.v1";
    public static final String EURES_PLACEMENTS = "abu.eures-placements.v1";
    public static final String BRP_REGISTRATIONS = "abu.brp-registrations.v1";
    public static final String PKS_HOUSING_RATINGS = "abu.pks-housing-ratings.v1";

    public static final String REJECTED = "abu.rejected.v1";
    public static final String INDICATORS = "abu.indicators.v1";
    public static final String INDICATOR_ALERTS = "abu.indicator-alerts.v1";
    public static final String INDICATOR_TARGETS = "abu.indicator-targets.v1";

    /** The input topics' names, in the contract's order; their record types are in {@link InputTopic}. */
    public static final List<String> INPUTS = InputTopic.topics();

    /** Every member's feedback topic, {@link #memberRejected(String)}. */
    public static final Pattern MEMBERS_REJECTED = Pattern.compile(
            "abu\\.member\\." + SourceTopic.MEMBER_ID + "\\.rejected\\.v1");

    /** A member's feedback topic (contract 9.2): its rejected records, with the headers of the dead-letter topic. */
    public static String memberRejected(String memberId) {
        return "abu.member." + memberId + ".rejected.v1";
    }

    private Topics() {
    }
}
