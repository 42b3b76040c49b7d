package nl.abu.monitor.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioBundleTest {

    @TempDir
    Path temp;

    @Test
    void aMissingBundleIsReportedWithTheCommandThatBuildsIt() throws Exception {
        // given
        Path empty = Files.createDirectories(temp.resolve("embedded"));

        // when / then
        assertThatThrownBy(() -> ApicurioBundle.locateIn(List.of(empty)))
                .isInstanceOf(EmbeddedStartupException.class)
                .hasMessageContaining("./mvnw package")
                .hasMessageContaining(empty.resolve("apicurio").toString());
    }

    @Test
    void theFirstDirectoryWithARunnerJarWinsAndItsMainClassIsRead() throws Exception {
        // given
        Path empty = Files.createDirectories(temp.resolve("first"));
        Path bundleDir = Files.createDirectories(temp.resolve("second/apicurio"));
        Path runnerJar = bundleDir.resolve("registry-1.0-runner.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.example.Main");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(runnerJar), manifest)) {
            // A manifest is all the bundle lookup reads.
        }

        // when
        ApicurioBundle bundle = ApicurioBundle.locateIn(List.of(empty, temp.resolve("second")));

        // then
        assertThat(bundle.runnerJar()).isEqualTo(runnerJar);
        assertThat(bundle.mainClass()).isEqualTo("io.example.Main");
    }
}
