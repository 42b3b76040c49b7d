package nl.abu.monitor.ingest;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The field formats of contract sections 1 and 2. */
final class ContractFormats {
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final int LATEST_DATE_DAYS_AFTER_AS_OF = 366;

    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern WORKER_REF = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM[0-9]{4}");
    private static final Pattern PROVINCE = Pattern.compile("PV[0-9]{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

    private ContractFormats() {
    }

    static boolean isMemberId(String s) {
        return MEMBER_ID.matcher(s).matches();
    }

    static boolean isWorkerRef(String s) {
        return WORKER_REF.matcher(s).matches();
    }

    static boolean isMunicipality(String s) {
        return MUNICIPALITY.matcher(s).matches();
    }

    static boolean isProvince(String s) {
        return PROVINCE.matcher(s).matches();
    }

    static boolean isCountry(String s) {
        return COUNTRY.matcher(s).matches();
    }

    /** An identifier that is part of a key: not empty and without the key separator. */
    static boolean isKeyPart(String s) {
        return !s.isEmpty() && !s.contains(EntityKeys.SEPARATOR);
    }

    /** Nine digits that pass the Dutch BSN eleven-test (elfproef): 9*d1 + 8*d2 + ... + 2*d8 - d9 is 0 mod 11. */
    static boolean looksLikeBsn(String s) {
        if (!NINE_DIGITS.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (s.charAt(i) - '0');
        }
        sum -= s.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
