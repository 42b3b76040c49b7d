package nl.abu.monitor.tools.simulator;

import java.util.List;
import nl.abu.monitor.events.Member;

/** A member agency with its profile and the housing units it rents to its workers. */
record SimulatedMember(Member profile, boolean profileArrivesLate, List<HousingUnit> housingUnits) {

    String memberId() {
        return profile.getMemberId();
    }

    boolean fairEmploymentCode() {
        return profile.getFairEmploymentCode();
    }

    /** A dwelling with a stable PKS quality level; its yearly ratings vary around that. */
    record HousingUnit(String ref, String municipality, int basePksPoints, int occupants) {
    }
}
