package nl.abu.monitor.tools.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/** The simulator's single source of chance; one seeded sequence consumed in a fixed order keeps runs repeatable. */
final class RandomSource {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    RandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min >= max ? min : min + random.nextInt(max - min + 1);
    }

    long betweenLong(long min, long max) {
        return min >= max ? min : min + random.nextLong(max - min + 1);
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(Weighted<T> items) {
        return items.pick(random.nextDouble());
    }

    String hex(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX[random.nextInt(16)];
        }
        return new String(chars);
    }

    /** A Poisson-distributed count; the normal approximation is plenty for the large means of big scales. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** An office-hours moment, Amsterdam time, some days after {@code date}: when a member's system records it. */
    Instant officeHoursAfter(LocalDate date, int minDays, int maxDays) {
        int secondOfDay = between(7 * 3600, 19 * 3600 - 1);
        return date.plusDays(between(minDays, maxDays)).atStartOfDay(AMSTERDAM).plusSeconds(secondOfDay).toInstant();
    }
}
