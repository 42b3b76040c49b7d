package nl.abu.monitor.tools.embedded;

/**
 * Stands in for {@code bin/monitor demo} in {@link NoOrphanProcessIT}: starts the platform,
 * reports what it started on stdout, then waits to be killed.
 */
public final class PlatformProcessMain {

    static final String READY_PREFIX = "PLATFORM READY";

    private PlatformProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPlatform platform = EmbeddedPlatform.start();
        System.out.println(READY_PREFIX
                + " kafkaPid=" + platform.kafka().pid()
                + " registryPid=" + platform.registry().pid()
                + " kafkaDataDir=" + platform.kafka().dataDir()
                + " registryWorkDir=" + platform.registry().workDir());
        System.out.flush();
        Thread.currentThread().join();
    }
}
