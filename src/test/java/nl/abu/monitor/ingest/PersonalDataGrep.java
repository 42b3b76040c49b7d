package nl.abu.monitor.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.abu.monitor.contract.ContractFormats;

/**
 * Finds lines that carry personal data: an exact workerRef or BSN of a dataset, or any nine-digit number that
 * passes the BSN eleven-test. A number inside a longer alphanumeric run (a hex id, a 13-digit timestamp) is not
 * one, nor is the fraction of a decimal number. The eleven-test is written out here, not taken from {@code ContractFormats}, so that a bug there cannot
 * hide a leak here.
 */
final class PersonalDataGrep {
    // Not after "digit." either: the fraction of a metric value such as 1398671.294117647 is no identifier.
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![A-Za-z0-9])(?<![0-9]\\.)[0-9]{9}(?![A-Za-z0-9])");

    private final Set<String> exact;
    private int linesScanned;

    PersonalDataGrep(Collection<String> exact) {
        this.exact = Set.copyOf(exact);
    }

    /** The offending lines of {@code text}, each as {@code source:line: text}. */
    List<String> offending(String source, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            linesScanned++;
            if (carriesPersonalData(lines[i])) {
                found.add(source + ":" + (i + 1) + ": " + lines[i]);
            }
        }
        return found;
    }

    int linesScanned() {
        return linesScanned;
    }

    boolean carriesPersonalData(String line) {
        for (String value : exact) {
            if (line.contains(value)) {
                return true;
            }
        }
        return !bsnLikeNumbers(line).isEmpty();
    }

    /** Every nine-digit number in {@code text} that passes the eleven-test. */
    static List<String> bsnLikeNumbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher m = NINE_DIGITS.matcher(text);
        while (m.find()) {
            if (passesElevenTest(m.group())) {
                numbers.add(m.group());
            }
        }
        return numbers;
    }

    /** 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11. */
    static boolean passesElevenTest(String nineDigits) {
        int sum = -(nineDigits.charAt(8) - '0');
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        return sum % 11 == 0;
    }
}
