package nl.abu.monitor.tools.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every child JVM that this JVM started and has not stopped yet. A shutdown hook stops them
 * on normal exit, Ctrl-C and SIGTERM; {@link ParentWatch} covers SIGKILL.
 */
final class RunningChildren {

    private static final long SHUTDOWN_GRACE_MILLIS = 10_000;
    private static final Set<ChildJvm> CHILDREN = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static volatile long ownerGraceMillis;

    private RunningChildren() {
    }

    static synchronized void register(ChildJvm child) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningChildren::stopAll, "embedded-children-shutdown"));
            hookInstalled = true;
        }
        CHILDREN.add(child);
    }

    static synchronized void unregister(ChildJvm child) {
        CHILDREN.remove(child);
    }

    static synchronized List<ChildJvm> snapshot() {
        return new ArrayList<>(CHILDREN);
    }

    /** The owner of the children closes them itself on shutdown; the hook steps in only after this grace. */
    static void ownerClosesOnShutdown(long graceMillis) {
        ownerGraceMillis = graceMillis;
    }

    /** Signals all children first, so that they shut down in parallel, then waits for each. */
    static void stopAll() {
        long deadline = System.currentTimeMillis() + ownerGraceMillis;
        while (!snapshot().isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ChildJvm> children = snapshot();
        children.forEach(ChildJvm::requestStop);
        children.forEach(child -> child.stop(SHUTDOWN_GRACE_MILLIS));
    }
}
