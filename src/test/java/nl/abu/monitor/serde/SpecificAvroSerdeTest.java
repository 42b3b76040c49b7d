package nl.abu.monitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.serde.evolution.WorkerStayWithHousing;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecificAvroSerdeTest {

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }

    static List<SampleRecords.Sample> everyInputType() {
        return SampleRecords.everyInputType();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInputType")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void roundTripsEveryInputRecordType(SampleRecords.Sample sample) {
        // given
        SpecificAvroSerde writerSide = serde(sample.record().getClass());
        SpecificAvroSerde readerSide = serde(sample.record().getClass());

        // when
        byte[] bytes = writerSide.serializer().serialize(sample.topic(), sample.record());
        Object read = readerSide.deserializer().deserialize(sample.topic(), bytes);

        // then
        assertThat(read).isEqualTo(sample.record());
    }

    @Test
    void writesMagicByteAndTheRegisteredIdBigEndian() {
        // given
        SpecificAvroSerde<WorkerStay> serde = serde(WorkerStay.class);

        // when
        byte[] bytes = serde.serializer().serialize(Topics.WORKER_STAYS, SampleRecords.workerStay());

        // then
        int registeredId = MockSchemaRegistryClient.forScope(scope)
                .lookup("abu.worker-stays.v1-value", WorkerStay.getClassSchema());
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
    }

    @Test
    void registersUnderTheKeySubjectWhenConfiguredAsKeySerde() {
        // given
        SpecificAvroSerde<Member> serde = new SpecificAvroSerde<>(Member.class);
        serde.configure(config, true);

        // when
        serde.serializer().serialize(Topics.MEMBERS, SampleRecords.member());

        // then
        assertThat(MockSchemaRegistryClient.forScope(scope).lookup("abu.members.v1-key", Member.getClassSchema()))
                .isPositive();
    }

    @Test
    void noArgSerdeReadsTheGeneratedClassNamedByTheWriterSchema() {
        // given: configured reflectively, as Kafka Streams does with default.value.serde
        SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        byte[] bytes = serde.serializer().serialize(Topics.MEMBERS, SampleRecords.member());

        // when
        SpecificRecord read = serde.deserializer().deserialize(Topics.MEMBERS, bytes);

        // then
        assertThat(read).isEqualTo(SampleRecords.member());
    }

    @Test
    void nullIsWrittenAsNullAndNullOrEmptyBytesReadAsTombstone() {
        // given
        SpecificAvroSerde<WorkerStay> serde = serde(WorkerStay.class);

        // when / then
        assertThat(serde.serializer().serialize(Topics.WORKER_STAYS, null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.WORKER_STAYS, null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.WORKER_STAYS, new byte[0])).isNull();
    }

    @Test
    void refusesBytesWithoutTheMagicByte() {
        // given: plain JSON, as a misconfigured producer would send
        byte[] json = "{\"memberId\":\"M-1\"}".getBytes();

        // when / then
        assertThatThrownBy(() -> serde(WorkerStay.class).deserializer().deserialize(Topics.WORKER_STAYS, json))
                .isInstanceOf(NotWireFormatException.class)
                .hasMessageContaining("magic byte")
                .extracting(e -> ((AvroSerdeException) e).reason()).isEqualTo(AvroSerdeException.Reason.UNDECODABLE);
    }

    @Test
    void refusesBytesTooShortForTheHeader() {
        // given
        byte[] tooShort = {0, 0, 1};

        // when / then
        assertThatThrownBy(() -> serde(WorkerStay.class).deserializer().deserialize(Topics.WORKER_STAYS, tooShort))
                .isInstanceOf(NotWireFormatException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void namesTheIdTheRegistryDoesNotKnow() {
        // given: schema id 12345 was never registered
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'x'};

        // when / then
        assertThatThrownBy(() -> serde(WorkerStay.class).deserializer().deserialize(Topics.WORKER_STAYS, bytes))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
                    assertThat(e.schemaId()).isEqualTo(12345);
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID);
                })
                .hasMessageContaining("12345");
    }

    @Test
    void refusesARecordWrittenWithAnotherTopicsSchema() {
        // given: a Member record that ended up on the worker-stays topic
        byte[] memberBytes = serde(Member.class).serializer().serialize(Topics.WORKER_STAYS, SampleRecords.member());

        // when / then
        assertThatThrownBy(() -> serde(WorkerStay.class).deserializer().deserialize(Topics.WORKER_STAYS, memberBytes))
                .isInstanceOfSatisfying(WrongSchemaException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.WRONG_SCHEMA))
                .hasMessageContaining("nl.abu.monitor.events.Member")
                .hasMessageContaining("nl.abu.monitor.events.WorkerStay");
    }

    @Test
    void refusesAvroThatDoesNotDecodeWithTheWriterSchema() {
        // given: a valid header before a body cut short
        byte[] whole = serde(WorkerStay.class).serializer().serialize(Topics.WORKER_STAYS, SampleRecords.workerStay());
        byte[] truncated = Arrays.copyOf(whole, 12);

        // when / then
        assertThatThrownBy(() -> serde(WorkerStay.class).deserializer().deserialize(Topics.WORKER_STAYS, truncated))
                .isInstanceOfSatisfying(UndecodableAvroException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.UNDECODABLE))
                .hasMessageNotContaining(SampleRecords.workerStay().getWorkerRef());
    }

    @Test
    void readsAnOlderWriterWithAReaderThatHasANewOptionalField() {
        // given: written with the released WorkerStay schema
        WorkerStay released = SampleRecords.workerStay();
        byte[] bytes = serde(WorkerStay.class).serializer().serialize(Topics.WORKER_STAYS, released);

        // when: read by the next version of the record, which adds housingUnitRef (default null)
        WorkerStayWithHousing read = serde(WorkerStayWithHousing.class).deserializer()
                .deserialize(Topics.WORKER_STAYS, bytes);

        // then
        assertThat(read.getHousingUnitRef()).isNull();
        assertThat(read.getMemberId()).isEqualTo(released.getMemberId());
        assertThat(read.getStayId()).isEqualTo(released.getStayId());
        assertThat(read.getWorkerRef()).isEqualTo(released.getWorkerRef());
        assertThat(read.getNationality()).isEqualTo(released.getNationality());
        assertThat(read.getSector().name()).isEqualTo(released.getSector().name());
        assertThat(read.getMunicipality()).isEqualTo(released.getMunicipality());
        assertThat(read.getArrivalDate()).isEqualTo(released.getArrivalDate());
        assertThat(read.getDepartureDate()).isEqualTo(released.getDepartureDate());
        assertThat(read.getRecordedAt()).isEqualTo(released.getRecordedAt());
    }

    @Test
    void withoutAutoRegisterOnlyWritesSchemasRegisteredBefore() {
        // given
        SpecificAvroSerde<WorkerStay> lookupOnly = new SpecificAvroSerde<>(WorkerStay.class);
        lookupOnly.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        // when / then: not registered yet
        assertThatThrownBy(() -> lookupOnly.serializer().serialize(Topics.WORKER_STAYS, SampleRecords.workerStay()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());

        // when: registered by someone else
        int id = MockSchemaRegistryClient.forScope(scope).register("abu.worker-stays.v1-value", WorkerStay.getClassSchema());
        byte[] bytes = lookupOnly.serializer().serialize(Topics.WORKER_STAYS, SampleRecords.workerStay());

        // then
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void oneSerdeServesManyThreadsAtOnce() throws Exception {
        // given
        SpecificAvroSerde<WorkerStay> serde = serde(WorkerStay.class);
        WorkerStay stay = SampleRecords.workerStay();
        ExecutorService pool = Executors.newFixedThreadPool(4);

        // when
        try {
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(8, () -> {
                for (int i = 0; i < 500; i++) {
                    byte[] bytes = serde.serializer().serialize(Topics.WORKER_STAYS, stay);
                    if (!stay.equals(serde.deserializer().deserialize(Topics.WORKER_STAYS, bytes))) {
                        return false;
                    }
                }
                return true;
            }));

            // then
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
