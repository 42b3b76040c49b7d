package nl.abu.monitor.serde;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.contract.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What it costs to write and to read one input record in the Confluent wire format, through the serde the
 * pipeline's sources use ({@link AvroSerdes#valueSerde}), with the schema id already cached (the steady
 * state: the registry is asked once per schema, here the in-process {@code mock://} one).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InputSerdeBenchmark {

    @Param({Topics.WORKER_STAYS, Topics.LANGUAGE_ENROLMENTS, Topics.EURES_PLACEMENTS, Topics.BRP_REGISTRATIONS,
            Topics.PKS_HOUSING_RATINGS, Topics.MEMBERS})
    public String topic;

    private Serde<SpecificRecord> serde;
    private SpecificRecord record;
    private byte[] bytes;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        record = TypicalRecords.inputs().get(topic);
        serde = (Serde<SpecificRecord>) AvroSerdes.valueSerde(record.getClass(),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://jmh-inputs"));
        bytes = serde.serializer().serialize(topic, record);
        if (!record.equals(serde.deserializer().deserialize(topic, bytes))) {
            throw new IllegalStateException("the round trip changed the record of " + topic);
        }
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize(topic, record);
    }

    @Benchmark
    public SpecificRecord deserialize() {
        return serde.deserializer().deserialize(topic, bytes);
    }
}
