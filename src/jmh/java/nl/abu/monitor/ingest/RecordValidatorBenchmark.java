package nl.abu.monitor.ingest;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.period.AsOfDate;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What the validation step costs per valid input record: every rule runs, and the key is rebuilt and compared. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordValidatorBenchmark {

    @Param({Topics.WORKER_STAYS, Topics.LANGUAGE_ENROLMENTS, Topics.EURES_PLACEMENTS, Topics.BRP_REGISTRATIONS,
            Topics.PKS_HOUSING_RATINGS, Topics.MEMBERS})
    public String topic;

    private RecordValidator validator;
    private SpecificRecord record;
    private String key;

    @Setup
    public void setUp() {
        validator = new RecordValidator(AsOfDate.fixed(TypicalRecords.AS_OF));
        record = TypicalRecords.inputs().get(topic);
        // A fresh String, so the key comparison cannot short-cut on identity.
        key = new String(EntityKeys.of(record).toCharArray());
        if (validator.validate(topic, key, record).isPresent()) {
            throw new IllegalStateException("the typical record of " + topic + " is not valid");
        }
    }

    @Benchmark
    public Optional<Rejection> validate() {
        return validator.validate(topic, key, record);
    }
}
