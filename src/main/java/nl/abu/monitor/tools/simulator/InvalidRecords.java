package nl.abu.monitor.tools.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.abu.monitor.contract.EntityKeys;
import org.apache.avro.specific.SpecificRecord;

/** Records that break the contract's validity rules the way real member systems do. */
final class InvalidRecords {

    enum Flaw { BSN_AS_WORKER_REF, DEPARTURE_BEFORE_ARRIVAL, BAD_MUNICIPALITY, BAD_PROVINCE, NO_OCCUPANTS, KEY_MISMATCH }

    record Invalid(String key, SpecificRecord value, Flaw flaw) {
    }

    private InvalidRecords() {
    }

    /** A copy of {@code value} with one flaw; the key is the correct one unless the flaw is the key itself. */
    static Invalid spoil(SpecificRecord value, RandomSource random) {
        List<Flaw> flaws = new ArrayList<>();
        flaws.add(Flaw.KEY_MISMATCH);
        if (RecordCopies.has(value, "workerRef")) {
            flaws.add(Flaw.BSN_AS_WORKER_REF);
            flaws.add(Flaw.BSN_AS_WORKER_REF); // the flaw that matters most, so seen most
        }
        if (RecordCopies.has(value, "departureDate")) {
            flaws.add(Flaw.DEPARTURE_BEFORE_ARRIVAL);
        }
        if (RecordCopies.has(value, "municipality")) {
            flaws.add(Flaw.BAD_MUNICIPALITY);
        }
        if (RecordCopies.has(value, "province")) {
            flaws.add(Flaw.BAD_PROVINCE);
        }
        if (RecordCopies.has(value, "occupants")) {
            flaws.add(Flaw.NO_OCCUPANTS);
        }
        Flaw flaw = random.pick(flaws);
        SpecificRecord spoiled = RecordCopies.copy(value);
        String key = EntityKeys.of(value);
        switch (flaw) {
            case BSN_AS_WORKER_REF -> RecordCopies.set(spoiled, "workerRef", elfproofNineDigits(random));
            case DEPARTURE_BEFORE_ARRIVAL -> RecordCopies.set(spoiled, "departureDate",
                    ((LocalDate) RecordCopies.get(value, "arrivalDate")).minusDays(random.between(1, 30)));
            case BAD_MUNICIPALITY -> RecordCopies.set(spoiled, "municipality", "XX12");
            case BAD_PROVINCE -> RecordCopies.set(spoiled, "province", "PV2");
            case NO_OCCUPANTS -> RecordCopies.set(spoiled, "occupants", 0);
            case KEY_MISMATCH -> key = "M9" + key; // the same entity filed under another member's key
        }
        return new Invalid(key, spoiled, flaw);
    }

    /** Nine digits passing the Dutch BSN eleven-test: what a member must never send. */
    static String elfproofNineDigits(RandomSource random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? random.between(1, 9) : random.between(0, 9);
                sum += digits[i] * (9 - i);
            }
            digits[8] = sum % 11; // 9*d1 + ... + 2*d8 - d9 must be divisible by 11
            if (digits[8] <= 9) {
                StringBuilder text = new StringBuilder(9);
                for (int digit : digits) {
                    text.append(digit);
                }
                return text.toString();
            }
        }
    }

    static boolean passesElfproef(String text) {
        if (!text.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (text.charAt(i) - '0') * (9 - i);
        }
        return (sum - (text.charAt(8) - '0')) % 11 == 0;
    }
}
