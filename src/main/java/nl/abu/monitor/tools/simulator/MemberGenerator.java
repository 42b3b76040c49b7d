package nl.abu.monitor.tools.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.abu.monitor.events.Member;

/**
 * The member agencies. A few large agencies employ most migrants (a Zipf-like share), about one in five has
 * signed the Fair Employment Code.
 */
final class MemberGenerator {

    /** ABU members that place labour migrants, at scale 1. */
    static final int MEMBERS_AT_SCALE_ONE = 450;
    /** Yearly PKS ratings at scale 1: one per housing unit per year. */
    static final int HOUSING_UNITS_AT_SCALE_ONE = 40_000;
    private static final double FAIR_EMPLOYMENT_SHARE = 0.22;
    private static final double ZIPF_EXPONENT = 0.9;

    private final RandomSource random;

    MemberGenerator(RandomSource random) {
        this.random = random;
    }

    /** The members and their share of the migrants (weights, same order). */
    Members generate(double scale, Instant profilesRecordedBefore, double lateProfileRate) {
        int count = Math.max(5, (int) Math.round(MEMBERS_AT_SCALE_ONE * Math.sqrt(Math.min(scale, 4))));
        double[] shares = new double[count];
        double total = 0;
        for (int rank = 0; rank < count; rank++) {
            shares[rank] = 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            total += shares[rank];
        }
        Weighted<SimulatedMember> byShare = new Weighted<>();
        List<SimulatedMember> members = new ArrayList<>(count);
        int unitNumber = 0;
        for (int rank = 0; rank < count; rank++) {
            double share = shares[rank] / total;
            String memberId = String.format("M%04d", rank + 1);
            Member profile = new Member(memberId, tradeName(), random.chance(FAIR_EMPLOYMENT_SHARE),
                    random.chance(0.04) ? null : random.pick(ReferenceData.PROVINCES),
                    profilesRecordedBefore.minusSeconds(random.betweenLong(3_600, 400L * 86_400)));
            int units = Math.max(1, (int) Math.round(share * HOUSING_UNITS_AT_SCALE_ONE * scale));
            List<SimulatedMember.HousingUnit> housing = new ArrayList<>(units);
            for (int i = 0; i < units; i++) {
                housing.add(new SimulatedMember.HousingUnit("H-" + (++unitNumber),
                        random.pick(ReferenceData.MUNICIPALITIES), random.between(110, 330),
                        random.between(1, 8)));
            }
            SimulatedMember member = new SimulatedMember(profile, random.chance(lateProfileRate), housing);
            members.add(member);
            byShare.add(member, share);
        }
        return new Members(members, byShare);
    }

    private String tradeName() {
        return random.pick(ReferenceData.NAME_STARTS) + " " + random.pick(ReferenceData.NAME_ENDS) + " B.V.";
    }

    record Members(List<SimulatedMember> all, Weighted<SimulatedMember> byShareOfMigrants) {
    }
}
