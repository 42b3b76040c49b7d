package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The Apicurio Registry bundle (runner jar + lib/) that the build unpacks into
 * {@code target/embedded/apicurio}.
 *
 * @param runnerJar the {@code *-runner.jar}; its manifest Class-Path names the jars in lib/
 * @param mainClass the runner jar's Main-Class
 */
record ApicurioBundle(Path runnerJar, String mainClass) {

    static final String EMBEDDED_DIR_PROPERTY = "monitor.embedded.dir";
    private static final String BUNDLE_DIR = "apicurio";

    /**
     * Looks in {@code -Dmonitor.embedded.dir}, then in {@code target/embedded} below the
     * working directory, then in {@code embedded} next to the jar (or classes directory) that
     * holds this code, so that {@code bin/monitor} works from any directory.
     */
    static ApicurioBundle locate() {
        return locateIn(candidateEmbeddedDirs());
    }

    /** The bundle in the first of {@code candidates} that holds {@code apicurio/*-runner.jar}. */
    static ApicurioBundle locateIn(List<Path> candidates) {
        for (Path embeddedDir : candidates) {
            Optional<Path> runnerJar = findRunnerJar(embeddedDir.resolve(BUNDLE_DIR));
            if (runnerJar.isPresent()) {
                return new ApicurioBundle(runnerJar.get(), mainClassOf(runnerJar.get()));
            }
        }
        throw new EmbeddedStartupException("Apicurio Registry not found: no *-runner.jar in "
                + candidates.stream().map(dir -> dir.resolve(BUNDLE_DIR).toString()).toList()
                + ". Run './mvnw package' (or './mvnw generate-resources') in the project directory first,"
                + " or point -D" + EMBEDDED_DIR_PROPERTY + " at a directory that holds apicurio/.");
    }

    private static List<Path> candidateEmbeddedDirs() {
        List<Path> dirs = new ArrayList<>();
        String configured = System.getProperty(EMBEDDED_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            dirs.add(Paths.get(configured).toAbsolutePath());
        }
        dirs.add(Paths.get("target", "embedded").toAbsolutePath());
        codeLocation().map(Path::getParent).map(dir -> dir.resolve("embedded")).ifPresent(dirs::add);
        return dirs.stream().map(Path::normalize).distinct().toList();
    }

    /** {@code target/classes} in a build, {@code target/migration-monitor.jar} when packaged. */
    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = ApicurioBundle.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Paths.get(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> findRunnerJar(Path bundleDir) {
        if (!Files.isDirectory(bundleDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(bundleDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String mainClassOf(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            String mainClass = jarFile.getManifest() == null ? null
                    : jarFile.getManifest().getMainAttributes().getValue("Main-Class");
            if (mainClass == null) {
                throw new EmbeddedStartupException("No Main-Class in the manifest of " + jar);
            }
            return mainClass;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
