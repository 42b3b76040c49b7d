package nl.abu.monitor.tools.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Member;

/**
 * A deterministic simulation of what ABU members send, in the order they send it. Each iteration starts a fresh
 * run from the seed, so the same configuration always gives the same records.
 *
 * <p>The simulation walks day by day: each day's new migrants get their whole life generated at once, and every
 * record waits in a queue until its send time; a day's records are released only once no later-generated record
 * can be sent before them. Memory therefore grows with the records still to come (at scale 1 a few hundred MB),
 * not with what was already sent.
 */
public final class MemberEventSimulator implements Iterable<SimulatedRecord> {

    /** Labour migrants arriving per year at scale 1. */
    public static final int MIGRANTS_PER_YEAR_AT_SCALE_ONE = 460_000;

    private final SimulationConfig config;

    public MemberEventSimulator(SimulationConfig config) {
        this.config = config;
    }

    public SimulationConfig config() {
        return config;
    }

    @Override
    public Iterator<SimulatedRecord> iterator() {
        Iterator<TimedRecord> timeline = timeline();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return timeline.hasNext();
            }

            @Override
            public SimulatedRecord next() {
                return timeline.next().record();
            }
        };
    }

    /** The records in send order; endless when the configuration has no {@code until}. */
    public Stream<SimulatedRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The records with their send times, in send order. */
    public Iterator<TimedRecord> timeline() {
        return new Run(config);
    }

    private static final class Run implements Iterator<TimedRecord> {
        private final SimulationConfig config;
        private final RandomSource random;
        private final Disturbances disturbances;
        private final WorkerLifeGenerator workers;
        private final HousingRatingGenerator housing;
        private final MemberGenerator.Members members;
        private final PriorityQueue<Queued> queue = new PriorityQueue<>(
                Comparator.comparingLong(Queued::sendAtMillis).thenComparingLong(Queued::sequence));
        private long sequence;
        private LocalDate nextDay;

        Run(SimulationConfig config) {
            this.config = config;
            this.random = new RandomSource(config.seed());
            this.disturbances = new Disturbances(config.rates(), random);
            this.workers = new WorkerLifeGenerator(random);
            this.housing = new HousingRatingGenerator(random);
            Instant start = startOf(config.from());
            this.members = new MemberGenerator(random).generate(config.scale(), start, config.rates().lateMember());
            this.nextDay = config.from();
            scheduleProfiles(start);
        }

        /** Profiles go first, at the very start, so data mostly finds its member; a few arrive weeks late. */
        private void scheduleProfiles(Instant start) {
            int index = 0;
            for (SimulatedMember member : members.all()) {
                Member profile = member.profile();
                profile.setRecordedAt(member.profileArrivesLate()
                        ? random.officeHoursAfter(config.from(), 10, 90)
                        : start.plusSeconds(++index));
                schedule(EntityHistory.of(Topics.MEMBERS, profile));
            }
        }

        @Override
        public boolean hasNext() {
            while (true) {
                Queued head = queue.peek();
                if (head != null && head.sendAtMillis() < startOf(nextDay).toEpochMilli()) {
                    return true; // nothing generated from nextDay on can be sent before it
                }
                if (config.until() != null && nextDay.isAfter(config.until())) {
                    return false;
                }
                generate(nextDay);
                nextDay = nextDay.plusDays(1);
            }
        }

        @Override
        public TimedRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return queue.poll().record();
        }

        private void generate(LocalDate day) {
            if (day.equals(config.from()) || day.getDayOfYear() == 1) {
                for (SimulatedMember member : members.all()) {
                    for (SimulatedMember.HousingUnit unit : member.housingUnits()) {
                        schedule(housing.rate(member, unit, day));
                    }
                }
            }
            double perDay = MIGRANTS_PER_YEAR_AT_SCALE_ONE * config.scale() / 365.0
                    * ReferenceData.MONTHLY_ARRIVALS[day.getMonthValue() - 1];
            int arrivals = random.poisson(perDay);
            for (int i = 0; i < arrivals; i++) {
                SimulatedMember member = random.pick(members.byShareOfMigrants());
                for (EntityHistory history : workers.generate(member, day)) {
                    schedule(history);
                }
            }
        }

        private void schedule(EntityHistory history) {
            for (TimedRecord record : disturbances.send(history)) {
                queue.add(new Queued(record.sendAtMillis(), sequence++, record));
            }
        }

        private static Instant startOf(LocalDate day) {
            return day.atStartOfDay(RandomSource.AMSTERDAM).toInstant();
        }
    }

    private record Queued(long sendAtMillis, long sequence, TimedRecord record) {
    }
}
