package nl.abu.monitor.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.families.language.LanguageCells;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.state.CellMembership;
import nl.abu.monitor.state.HeldVersion;
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
 * What it costs to write and read the Avro values of the state stores (schemas/state), which every input record
 * passes through several times: its held version, the entity it joins, the entity's cell memberships and the
 * changed cell totals.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateSerdeBenchmark {

    /** A store value of each kind, named after its schema. */
    @Param({"HeldVersion", "LanguageWorker", "BrpStay", "CellMembership", "CellCounts"})
    public String value;

    private Serde<SpecificRecord> serde;
    private SpecificRecord record;
    private String changelog;
    private byte[] bytes;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        record = switch (value) {
            case "HeldVersion" -> new HeldVersion(TypicalRecords.RECORDED, TypicalRecords.stay(), true);
            case "LanguageWorker" -> TypicalRecords.languageWorker();
            case "BrpStay" -> TypicalRecords.brpStay();
            case "CellMembership" -> languageWorkerMembership();
            case "CellCounts" -> new CellCounts(412L, 1_873L);
            default -> throw new IllegalArgumentException("no store value " + value);
        };
        changelog = "migration-monitor-" + value + "-changelog";
        serde = (Serde<SpecificRecord>) AvroSerdes.valueSerde(record.getClass(),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://jmh-state"));
        bytes = serde.serializer().serialize(changelog, record);
        if (!record.equals(serde.deserializer().deserialize(changelog, bytes))) {
            throw new IllegalStateException("the round trip changed the " + value);
        }
    }

    /** The cells the typical worker counts in, as the language family's memberships store holds them. */
    private static CellMembership languageWorkerMembership() {
        var cells = EntityCells.of(LanguageCells::cells, TypicalRecords.languageWorker(),
                new ReportingCalendar(TypicalRecords.AS_OF));
        return new CellMembership(new HashMap<>(cells.contributions()), null);
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize(changelog, record);
    }

    @Benchmark
    public SpecificRecord deserialize() {
        return serde.deserializer().deserialize(changelog, bytes);
    }
}
