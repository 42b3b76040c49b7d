package nl.abu.monitor.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written format checks accept exactly what the contract's patterns accept. */
class ContractFormatsTest {
    private static final String ALPHABET = "AZaz09GMPV-_/ .é";
    private final Random random = new Random(11);

    @Test
    void givenRandomStrings_whenChecked_thenEachCheckAgreesWithTheContractsPattern() {
        for (int i = 0; i < 200_000; i++) {
            String s = randomString();
            assertSame(s, "[A-Za-z0-9-]{1,32}", ContractFormats::isMemberId);
            assertSame(s, "[A-Za-z0-9_-]{16,64}", ContractFormats::isWorkerRef);
            assertSame(s, "GM[0-9]{4}", ContractFormats::isMunicipality);
            assertSame(s, "PV[0-9]{2}", ContractFormats::isProvince);
            assertSame(s, "[A-Z]{2}", ContractFormats::isCountry);
        }
    }

    @Test
    void givenTheBoundaries_whenChecked_thenLengthsAndCharactersDecide() {
        assertThat(ContractFormats.isMemberId("M".repeat(32))).isTrue();
        assertThat(ContractFormats.isMemberId("M".repeat(33))).isFalse();
        assertThat(ContractFormats.isMemberId("")).isFalse();
        assertThat(ContractFormats.isWorkerRef("w".repeat(15))).isFalse();
        assertThat(ContractFormats.isWorkerRef("w_" + "0".repeat(14))).isTrue();
        assertThat(ContractFormats.isWorkerRef("w".repeat(65))).isFalse();
        assertThat(ContractFormats.isMunicipality("GM036")).isFalse();
        assertThat(ContractFormats.isMunicipality("GM0363")).isTrue();
        assertThat(ContractFormats.isCountry("pl")).isFalse();
        assertThat(ContractFormats.looksLikeBsn("111222333")).isTrue();
        assertThat(ContractFormats.looksLikeBsn("111222334")).isFalse();
        assertThat(ContractFormats.looksLikeBsn("11122233a")).isFalse();
    }

    private static void assertSame(String s, String pattern, Predicate<String> check) {
        assertThat(check.test(s)).as("%s against %s", s, pattern).isEqualTo(Pattern.matches(pattern, s));
    }

    /** Mostly short strings, biased towards the formats' lengths and characters, so both answers occur often. */
    private String randomString() {
        int[] lengths = {0, 1, 2, 4, 6, 9, 15, 16, 17, 32, 33, 64, 65};
        int length = random.nextInt(3) == 0 ? random.nextInt(70) : lengths[random.nextInt(lengths.length)];
        StringBuilder s = new StringBuilder();
        if (random.nextInt(4) == 0) {
            s.append(random.nextBoolean() ? "GM" : "PV");
        }
        while (s.length() < length) {
            s.append(random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10))
                    : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
