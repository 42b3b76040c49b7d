package nl.abu.monitor.tools.simulator;

import java.time.LocalDate;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.events.PksHousingRating;

/** The yearly PKS rating of a housing unit: mostly certified, mostly within the PKS maximum rent. */
final class HousingRatingGenerator {

    private final RandomSource random;

    HousingRatingGenerator(RandomSource random) {
        this.random = random;
    }

    /** A rating on a day between {@code earliest} and the end of its year. */
    EntityHistory rate(SimulatedMember member, SimulatedMember.HousingUnit unit, LocalDate earliest) {
        LocalDate endOfYear = LocalDate.of(earliest.getYear(), 12, 31);
        LocalDate ratedOn = earliest.plusDays(random.between(0, (int) (endOfYear.toEpochDay() - earliest.toEpochDay())));
        int points = Math.max(0, unit.basePksPoints() + random.between(-15, 15));
        double certification = random.unit();
        HousingCertification certified = certification < 0.72 ? HousingCertification.SNF
                : certification < 0.88 ? HousingCertification.AKF : HousingCertification.NONE;
        long maxRentCents = 8_000L + points * 20L;
        long rentCents = random.chance(0.9) ? maxRentCents - random.between(0, 2_000)
                : maxRentCents + random.between(100, 1_500);
        PksHousingRating rating = new PksHousingRating(member.memberId(), unit.ref(), unit.municipality(), ratedOn,
                certified, points, unit.occupants(), rentCents, maxRentCents, random.officeHoursAfter(ratedOn, 0, 3));
        return EntityHistory.of(Topics.PKS_HOUSING_RATINGS, rating);
    }
}
