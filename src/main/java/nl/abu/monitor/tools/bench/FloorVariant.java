package nl.abu.monitor.tools.bench;

/**
 * The two floors the bench runs: with the record cache off, so that every update of a count is written (the floor
 * of issue 11: one output record per update), and with Kafka Streams' default cache, which merges updates of a
 * member within a commit. Each has its own application id, state and output topic.
 */
enum FloorVariant {
    CACHE_OFF("floor", 0L),
    DEFAULT_CACHE("floor-cached", null);

    private final String name;
    private final Long cacheMaxBytes;

    FloorVariant(String name, Long cacheMaxBytes) {
        this.name = name;
        this.cacheMaxBytes = cacheMaxBytes;
    }

    /** For progress lines and file names. */
    String label() {
        return name;
    }

    String applicationId() {
        return PipelineProcess.APPLICATION_ID + "-" + name;
    }

    String outputTopic() {
        return "bench." + name + "-counts";
    }

    /** {@code statestore.cache.max.bytes}, or null for Kafka Streams' default. */
    Long cacheMaxBytes() {
        return cacheMaxBytes;
    }
}
