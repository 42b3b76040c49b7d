package nl.abu.monitor.tools.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an entity's regular versions into what is actually sent: the versions themselves plus, at the configured
 * rates, corrections, exact resends, stale versions arriving late, a retraction and invalid records.
 */
final class Disturbances {

    private static final Duration MIN_GAP_FOR_CORRECTION = Duration.ofHours(2);

    private final DisturbanceRates rates;
    private final RandomSource random;

    Disturbances(DisturbanceRates rates, RandomSource random) {
        this.rates = rates;
        this.random = random;
    }

    List<TimedRecord> send(EntityHistory history) {
        List<SpecificRecord> versions = new ArrayList<>(history.versions());
        List<TimedRecord> sent = new ArrayList<>(versions.size() + 2);
        // One retraction at most per entity, as likely as the rate per version, so tombstones are `rate` of all versions.
        boolean retracted = random.chance(Math.min(1.0, rates.tombstone() * versions.size()));
        for (int i = 0; i < versions.size(); i++) {
            SpecificRecord version = versions.get(i);
            Instant recordedAt = RecordCopies.recordedAt(version);
            Instant nextRecordedAt = i + 1 < versions.size() ? RecordCopies.recordedAt(versions.get(i + 1)) : null;
            sent.add(at(recordedAt, history, history.key(), version, recordedAt, RecordKind.ORIGINAL));

            if (random.chance(rates.duplicate())) {
                sent.add(at(recordedAt.plusSeconds(random.between(60, 3 * 86_400)), history, history.key(), version,
                        recordedAt, RecordKind.DUPLICATE));
            }
            if (random.chance(rates.stale())) {
                SpecificRecord older = RecordCopies.copy(version);
                FieldChanges.pick(version, random).applyTo(older);
                Instant olderRecordedAt = recordedAt.minusSeconds(random.between(3_600, 5 * 86_400));
                RecordCopies.set(older, RecordCopies.RECORDED_AT, olderRecordedAt);
                sent.add(at(recordedAt.plusSeconds(random.between(600, 2 * 86_400)), history, history.key(), older,
                        olderRecordedAt, RecordKind.STALE));
            }
            if (random.chance(rates.invalid())) {
                InvalidRecords.Invalid invalid = InvalidRecords.spoil(version, random);
                Instant invalidAt = recordedAt.plusSeconds(random.between(60, 3_600));
                RecordCopies.set(invalid.value(), RecordCopies.RECORDED_AT, invalidAt);
                sent.add(at(invalidAt, history, invalid.key(), invalid.value(), invalidAt, RecordKind.INVALID));
            }
            if (random.chance(rates.correction())) {
                correct(history, versions, i, recordedAt, nextRecordedAt, sent);
            }
        }
        if (retracted) {
            Instant last = RecordCopies.recordedAt(versions.get(versions.size() - 1));
            Instant retractedAt = last.plusSeconds(random.between(3_600, 30 * 86_400));
            sent.add(at(retractedAt, history, history.key(), null, retractedAt, RecordKind.TOMBSTONE));
        }
        return sent;
    }

    /**
     * A corrected version lands between this version and the next; the member's system keeps the corrected field,
     * so the later versions carry it as well.
     */
    private void correct(EntityHistory history, List<SpecificRecord> versions, int index, Instant recordedAt,
                         Instant nextRecordedAt, List<TimedRecord> sent) {
        long maxDelaySeconds = 10 * 86_400;
        if (nextRecordedAt != null) {
            Duration gap = Duration.between(recordedAt, nextRecordedAt);
            if (gap.compareTo(MIN_GAP_FOR_CORRECTION) < 0) {
                return;
            }
            maxDelaySeconds = Math.min(maxDelaySeconds, gap.getSeconds() / 2);
        }
        SpecificRecord version = versions.get(index);
        FieldChanges.Change change = FieldChanges.pick(version, random);
        SpecificRecord corrected = RecordCopies.copy(version);
        change.applyTo(corrected);
        Instant correctedAt = recordedAt.plusSeconds(random.betweenLong(3_600, Math.max(3_600, maxDelaySeconds)));
        RecordCopies.set(corrected, RecordCopies.RECORDED_AT, correctedAt);
        sent.add(at(correctedAt, history, history.key(), corrected, correctedAt, RecordKind.CORRECTION));
        for (int later = index + 1; later < versions.size(); later++) {
            SpecificRecord carried = RecordCopies.copy(versions.get(later));
            change.applyTo(carried);
            versions.set(later, carried);
        }
    }

    private static TimedRecord at(Instant sendAt, EntityHistory history, String key, SpecificRecord value,
                                  Instant timestamp, RecordKind kind) {
        return new TimedRecord(sendAt.toEpochMilli(),
                new SimulatedRecord(history.topic(), key, value, timestamp.toEpochMilli(), kind));
    }
}
