package nl.abu.monitor.tools.embedded;

/** A child JVM that never ends by itself, for {@link ParentWatchTest}. */
public final class SleepForeverMain {

    private SleepForeverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping");
        System.out.flush();
        Thread.currentThread().join();
    }
}
