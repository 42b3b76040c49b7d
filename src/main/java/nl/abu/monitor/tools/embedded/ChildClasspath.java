package nl.abu.monitor.tools.embedded;

import java.io.File;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/** The classpath of this JVM, for a child that needs the same classes (the broker). */
final class ChildClasspath {

    private ChildClasspath() {
    }

    /**
     * The entries of {@code java.class.path}, made absolute so that a child may run in its own
     * directory. Surefire and failsafe put the real test classpath there even when they start
     * the test JVM with a manifest-only jar; {@code java -cp 'lib/*'} wildcards arrive expanded;
     * and with {@code java -jar} the jar's manifest Class-Path is honoured in the child too.
     */
    static List<String> ofThisJvm() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Paths.get(entry).toAbsolutePath().toString())
                .toList();
    }
}
