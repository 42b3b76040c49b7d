package nl.abu.monitor.contract;

import java.time.LocalDate;

/**
 * The field formats of contract sections 1 and 2: {@code [A-Za-z0-9-]{1,32}} for a memberId,
 * {@code [A-Za-z0-9_-]{16,64}} for a workerRef, {@code GM[0-9]{4}}, {@code PV[0-9]{2}}, {@code [A-Z]{2}}. They are
 * checked character by character rather than with regular expressions: every input record is checked against
 * several of them, and the matchers were 3 % of the stream thread (docs/benchmarks.md).
 */
public final class ContractFormats {
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final int LATEST_DATE_DAYS_AFTER_AS_OF = 366;

    private ContractFormats() {
    }

    public static boolean isMemberId(String s) {
        return lengthIn(s, 1, 32) && all(s, 0, ContractFormats::isLetterOrDigitOrDash);
    }

    public static boolean isWorkerRef(String s) {
        return lengthIn(s, 16, 64) && all(s, 0, c -> isLetterOrDigitOrDash(c) || c == '_');
    }

    public static boolean isMunicipality(String s) {
        return s.length() == 6 && s.startsWith("GM") && all(s, 2, ContractFormats::isDigit);
    }

    public static boolean isProvince(String s) {
        return s.length() == 4 && s.startsWith("PV") && all(s, 2, ContractFormats::isDigit);
    }

    public static boolean isCountry(String s) {
        return s.length() == 2 && all(s, 0, c -> c >= 'A' && c <= 'Z');
    }

    /** An identifier that is part of a key: not empty and without the key separator. */
    public static boolean isKeyPart(String s) {
        return !s.isEmpty() && !s.contains(EntityKeys.SEPARATOR);
    }

    /** Nine digits that pass the Dutch BSN eleven-test (elfproef): 9*d1 + 8*d2 + ... + 2*d8 - d9 is 0 mod 11. */
    public static boolean looksLikeBsn(String s) {
        if (s.length() != 9 || !all(s, 0, ContractFormats::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (s.charAt(i) - '0');
        }
        sum -= s.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static boolean lengthIn(String s, int min, int max) {
        return s.length() >= min && s.length() <= max;
    }

    /** Whether every character from {@code from} on is one of those {@code allowed} accepts. */
    private static boolean all(String s, int from, CharPredicate allowed) {
        for (int i = from; i < s.length(); i++) {
            if (!allowed.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetterOrDigitOrDash(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '-';
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }
}
