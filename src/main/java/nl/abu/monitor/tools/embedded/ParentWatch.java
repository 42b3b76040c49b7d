package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: {@code ParentWatch <real-main-class> [args...]}.
 *
 * <p>A SIGKILLed parent gets no chance to stop its children, but the kernel still closes the
 * parent's end of the child's stdin pipe. So a daemon thread blocks on {@code System.in} and,
 * at end of stream, exits this JVM. That is what keeps a killed {@code demo} or test JVM from
 * leaving brokers and registries behind.
 *
 * <p>This class must depend on the JDK only: it is copied alone onto the classpath of children
 * (such as the registry) that must not see this project's dependencies.
 */
public final class ParentWatch {

    /** Lets the service's own shutdown hooks stop it cleanly, but never lets it linger. */
    private static final long GRACE_MILLIS = 10_000;
    static final int ORPHANED_EXIT_STATUS = 143;

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatch <main-class> [args...]");
        }
        Thread watcher = new Thread(() -> exitWhenStdinCloses(System.in), "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        runMain(args[0], Arrays.copyOfRange(args, 1, args.length));
    }

    private static void runMain(String mainClassName, String[] mainArgs) throws Throwable {
        Class<?> mainClass = Class.forName(mainClassName, true, ClassLoader.getSystemClassLoader());
        Method main = mainClass.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenStdinCloses(InputStream stdin) {
        byte[] ignored = new byte[256];
        try {
            while (stdin.read(ignored) != -1) {
                // The parent never writes; anything that arrives is meaningless.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of stream: the parent is gone.
        }
        System.err.println("ParentWatch: parent process is gone (stdin closed), stopping this JVM");
        Thread halter = new Thread(ParentWatch::haltAfterGrace, "parent-watch-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(ORPHANED_EXIT_STATUS);
    }

    private static void haltAfterGrace() {
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(ORPHANED_EXIT_STATUS);
    }
}
