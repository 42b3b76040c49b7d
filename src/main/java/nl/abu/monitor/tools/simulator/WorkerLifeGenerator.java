package nl.abu.monitor.tools.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.BrpRegistration;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.events.RegistrationKind;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;

/**
 * One labour migrant's life with a member, from the first arrival on: stays (circular migration: some come back
 * after a gap), their BRP or RNI registrations and deregistrations, language courses and EURES placements. Each
 * version is recorded shortly after what it describes happened, so a stay is first sent without departureDate.
 */
final class WorkerLifeGenerator {

    private static final int LONG_STAY_DAYS = 183;
    /** Short stays (under four months) register in the RNI rather than in a municipality's BRP. */
    private static final int RNI_BELOW_MONTHS = 4;
    private static final double ENROLMENT_SHARE_OF_LONG_STAYERS = 0.43;
    private static final int MAX_STAYS = 4;

    private final RandomSource random;
    private final AtomicLong stayNumbers = new AtomicLong();
    private final AtomicLong enrolmentNumbers = new AtomicLong();
    private final AtomicLong placementNumbers = new AtomicLong();

    WorkerLifeGenerator(RandomSource random) {
        this.random = random;
    }

    List<EntityHistory> generate(SimulatedMember member, LocalDate firstArrival) {
        List<EntityHistory> histories = new ArrayList<>();
        String memberId = member.memberId();
        String workerRef = "w_" + random.hex(16);
        String nationality = random.pick(ReferenceData.NATIONALITIES);
        Sector sector = random.pick(ReferenceData.SECTORS);
        LocalDate arrival = firstArrival;
        for (int stayIndex = 0; stayIndex < MAX_STAYS; stayIndex++) {
            if (stayIndex > 0 && random.chance(0.25)) {
                sector = random.pick(ReferenceData.SECTORS); // a returning worker sometimes takes other work
            }
            int plannedMonths = random.pick(ReferenceData.STAY_MONTHS);
            LocalDate departure = arrival.plusDays(Math.round(plannedMonths * 30.44) + random.between(-10, 10));
            String stayId = "S-" + stayNumbers.incrementAndGet();
            String municipality = ReferenceData.municipalityFor(sector, random);

            WorkerStay arrived = new WorkerStay(memberId, stayId, workerRef, nationality, sector, municipality,
                    arrival, null, random.officeHoursAfter(arrival, 0, 2));
            WorkerStay left = RecordCopies.with(arrived, "departureDate", departure);
            left.setRecordedAt(random.officeHoursAfter(departure, 0, 3));
            histories.add(EntityHistory.of(Topics.WORKER_STAYS, arrived, left));

            addRegistrations(histories, arrived, plannedMonths < RNI_BELOW_MONTHS, departure);
            if (ChronoUnit.DAYS.between(arrival, departure) >= LONG_STAY_DAYS && random.chance(ENROLMENT_SHARE_OF_LONG_STAYERS)) {
                histories.add(enrolment(memberId, workerRef, arrival, departure));
            }
            if (stayIndex == 0 && random.chance(member.fairEmploymentCode() ? 0.03 : 0.006)) {
                histories.add(placement(memberId, workerRef, nationality, sector, arrival));
            }
            double returns = 0.3 - 0.08 * stayIndex;
            if (!random.chance(returns)) {
                break;
            }
            arrival = departure.plusDays(random.between(30, 200));
        }
        return histories;
    }

    private void addRegistrations(List<EntityHistory> histories, WorkerStay stay, boolean shortStay,
                                  LocalDate departure) {
        if (random.chance(0.03)) {
            return; // never registered: what the on-time indicator is there to find
        }
        LocalDate arrival = stay.getArrivalDate();
        LocalDate effective = random.chance(0.90) ? arrival.plusDays(random.between(0, 5))
                : arrival.plusDays(random.between(6, 40));
        RegistrationKind kind = shortStay ? RegistrationKind.RNI_REGISTRATION : RegistrationKind.BRP_REGISTRATION;
        histories.add(EntityHistory.of(Topics.BRP_REGISTRATIONS, registration(stay, kind, effective)));
        if (kind != RegistrationKind.BRP_REGISTRATION || random.chance(0.05)) {
            return; // RNI registrations need no deregistration; some BRP ones are forgotten
        }
        LocalDate deregistered = random.chance(0.88) ? departure.plusDays(random.between(-2, 5))
                : departure.plusDays(random.between(6, 30));
        if (deregistered.isBefore(effective)) {
            deregistered = effective;
        }
        histories.add(EntityHistory.of(Topics.BRP_REGISTRATIONS,
                registration(stay, RegistrationKind.BRP_DEREGISTRATION, deregistered)));
    }

    private BrpRegistration registration(WorkerStay stay, RegistrationKind kind, LocalDate effective) {
        return new BrpRegistration(stay.getMemberId(), stay.getStayId(), stay.getWorkerRef(), kind,
                stay.getMunicipality(), effective, random.officeHoursAfter(effective, 0, 2));
    }

    /** An enrolment moves ENROLLED -> ACTIVE -> COMPLETED or DROPPED; some are cancelled before the first lesson. */
    private EntityHistory enrolment(String memberId, String workerRef, LocalDate arrival, LocalDate departure) {
        String enrolmentId = "E-" + enrolmentNumbers.incrementAndGet();
        LocalDate enrolledOn = arrival.plusDays(random.between(14, 90));
        LanguageEnrolment enrolled = new LanguageEnrolment(memberId, enrolmentId, workerRef, EnrolmentStatus.ENROLLED,
                null, random.chance(0.45), random.chance(0.30), random.officeHoursAfter(enrolledOn, 0, 1));
        if (random.chance(0.10)) {
            LocalDate cancelledOn = enrolledOn.plusDays(random.between(3, 30));
            return EntityHistory.of(Topics.LANGUAGE_ENROLMENTS, enrolled,
                    next(enrolled, EnrolmentStatus.CANCELLED, null, cancelledOn));
        }
        LocalDate startedOn = enrolledOn.plusDays(random.between(7, 35));
        LanguageEnrolment active = next(enrolled, EnrolmentStatus.ACTIVE, startedOn, startedOn);
        double outcome = random.unit();
        if (outcome < 0.65) {
            LocalDate completedOn = min(startedOn.plusDays(random.between(90, 180)), departure);
            return EntityHistory.of(Topics.LANGUAGE_ENROLMENTS, enrolled, active,
                    next(active, EnrolmentStatus.COMPLETED, startedOn, completedOn));
        } else if (outcome < 0.85) {
            LocalDate droppedOn = min(startedOn.plusDays(random.between(14, 120)), departure);
            return EntityHistory.of(Topics.LANGUAGE_ENROLMENTS, enrolled, active,
                    next(active, EnrolmentStatus.DROPPED, startedOn, droppedOn));
        }
        return EntityHistory.of(Topics.LANGUAGE_ENROLMENTS, enrolled, active);
    }

    private LanguageEnrolment next(LanguageEnrolment previous, EnrolmentStatus status, LocalDate startedOn,
                                   LocalDate on) {
        LanguageEnrolment version = RecordCopies.copy(previous);
        version.setStatus(status);
        version.setStartedOn(startedOn);
        version.setRecordedAt(later(previous.getRecordedAt(), random.officeHoursAfter(on, 0, 2)));
        return version;
    }

    /** A placement through EURES starts on the day of arrival; a few are cancelled afterwards. */
    private EntityHistory placement(String memberId, String workerRef, String nationality, Sector sector,
                                    LocalDate arrival) {
        EuresPlacement placed = new EuresPlacement(memberId, "P-" + placementNumbers.incrementAndGet(),
                random.chance(0.8) ? workerRef : null, nationality, sector, arrival, PlacementStatus.PLACED,
                random.officeHoursAfter(arrival, 0, 3));
        if (!random.chance(0.07)) {
            return EntityHistory.of(Topics.EURES_PLACEMENTS, placed);
        }
        EuresPlacement cancelled = RecordCopies.with(placed, "status", PlacementStatus.CANCELLED);
        cancelled.setRecordedAt(later(placed.getRecordedAt(), random.officeHoursAfter(arrival, 1, 20)));
        return EntityHistory.of(Topics.EURES_PLACEMENTS, placed, cancelled);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Versions of one entity must be recorded in order, even when two fall on the same day. */
    private static Instant later(Instant previous, Instant candidate) {
        return candidate.isAfter(previous) ? candidate : previous.plusSeconds(600);
    }
}
