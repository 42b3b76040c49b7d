package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of the keys of {@code run} is the one made from their definitions, so the two cannot drift. */
class ConfigurationTableTest {
    static final String START = "<!-- generated from MonitorConfig.DEFINITION; ConfigurationTableTest checks it -->\n";
    static final String END = "<!-- end of the generated table -->";

    @Test
    void theReadmeHasTheTableOfTheDefinitions() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String expected = MonitorConfig.markdownTable();
        Path generated = Path.of("target", "run-configuration.md");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, expected);

        assertThat(readme).contains(START).contains(END);
        String table = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        assertThat(table).as("the README's table; the one made from the definitions is in " + generated)
                .isEqualTo(expected);
    }
}
