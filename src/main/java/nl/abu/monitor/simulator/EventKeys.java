package nl.abu.monitor.simulator;

import java.time.format.DateTimeFormatter;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.WorkerStay;
import org.apache.avro.specific.SpecificRecord;

/** The record keys of contract section 2, built from a value's own fields. */
public final class EventKeys {

    private EventKeys() {
    }

    public static String keyOf(SpecificRecord value) {
        if (value instanceof Member member) {
            return member.getMemberId();
        } else if (value instanceof WorkerStay stay) {
            return stay.getMemberId() + "/" + stay.getStayId();
        } else if (value instanceof LanguageEnrolment enrolment) {
            return enrolment.getMemberId() + "/" + enrolment.getEnrolmentId();
        } else if (value instanceof EuresPlacement placement) {
            return placement.getMemberId() + "/" + placement.getPlacementId();
        } else if (value instanceof BrpRegistration registration) {
            return registration.getMemberId() + "/" + registration.getStayId() + "/" + registration.getKind();
        } else if (value instanceof PksHousingRating rating) {
            return rating.getMemberId() + "/" + rating.getHousingUnitRef() + "/"
                    + rating.getRatedOn().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        throw new IllegalArgumentException("not an input value: " + value.getSchema().getFullName());
    }
}
