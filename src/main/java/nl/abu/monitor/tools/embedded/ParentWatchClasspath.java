package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts {@link ParentWatch} alone in a classpath directory. A child such as the registry must
 * not get this project's jar on its classpath: its manifest would drag in all of our
 * dependencies (Kafka, Jackson...) next to the registry's own versions.
 */
final class ParentWatchClasspath {

    private static final String CLASS_FILE = ParentWatch.class.getName().replace('.', '/') + ".class";

    private ParentWatchClasspath() {
    }

    /** Copies the class file below {@code workDir} and returns the classpath entry to use. */
    static Path copyInto(Path workDir) {
        Path classpathDir = workDir.resolve("parent-watch");
        Path target = classpathDir.resolve(CLASS_FILE);
        try (InputStream classFile = ParentWatch.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            if (classFile == null) {
                throw new IllegalStateException("Class file not found: " + CLASS_FILE);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, classFile.readAllBytes());
            return classpathDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + CLASS_FILE + " to " + classpathDir, e);
        }
    }
}
