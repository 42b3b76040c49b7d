package nl.abu.monitor.tools.bench;

/** What a reader of an application's output topic has seen so far. */
interface OutputArrivals {
    /** Records received. */
    long received();

    /** When the last record arrived (epoch millis), or -1. */
    long lastReceivedMillis();
}
