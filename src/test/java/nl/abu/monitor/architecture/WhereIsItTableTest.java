package nl.abu.monitor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.Indicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The "Where is it" table of docs/architecture.md names files, stores and panels that exist. */
class WhereIsItTableTest {

    private static final Path MAIN = Path.of("src/main/java/nl/abu/monitor");
    private static final Path TEST = Path.of("src/test/java/nl/abu/monitor");
    private static List<Row> rows;

    record Row(String indicator, String rule, List<String> stores, List<String> tests, List<String> panels) {
    }

    @BeforeAll
    static void readTheTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/architecture.md"));
        int start = lines.indexOf("## Where is it");
        rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ") && !line.equals("## Where is it")) {
                break;
            }
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                rows.add(new Row(unquote(cells[0]), unquote(cells[1]), split(cells[2]), split(cells[3]),
                        split(cells[4])));
            }
        }
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(";")).map(WhereIsItTableTest::unquote).toList();
    }

    private static String unquote(String cell) {
        return cell.trim().replaceAll("^[`\"]|[`\"]$", "");
    }

    @Test
    void everyIndicatorHasOneRow() {
        assertThat(rows).extracting(Row::indicator)
                .containsExactlyInAnyOrder(Arrays.stream(Indicator.values()).map(Indicator::id).toArray(String[]::new));
    }

    @Test
    void theRulesAndTestsExist() {
        assertThat(rows).allSatisfy(row -> {
            assertThat(MAIN.resolve(row.rule())).as("rule of %s", row.indicator()).isRegularFile();
            assertThat(row.tests()).allSatisfy(test -> assertThat(TEST.resolve(test)).isRegularFile());
        });
    }

    @Test
    void theStoresAreThoseOfTheIndicatorsFamily() {
        assertThat(rows).allSatisfy(row -> {
            String familyName = Indicator.byId(row.indicator()).family();
            Family<?> family = Families.ALL.stream().filter(f -> f.name().equals(familyName)).findFirst()
                    .orElseThrow();
            assertThat(row.stores()).as("stores of %s", row.indicator())
                    .containsExactly(family.entityStore(), family.totalsStore());
        });
    }

    @Test
    void thePanelsExistAndShowTheIndicator() throws IOException {
        JsonNode families = dashboard("indicator-families.json");
        JsonNode scorecard = dashboard("plan-scorecard.json");
        assertThat(rows).allSatisfy(row -> {
            assertThat(panelShows(families, row.panels().get(0), row.indicator()))
                    .as("indicator-families panel \"%s\" shows %s", row.panels().get(0), row.indicator()).isTrue();
            assertThat(panelShows(scorecard, row.panels().get(1), row.indicator()))
                    .as("plan-scorecard panel \"%s\" shows %s", row.panels().get(1), row.indicator()).isTrue();
        });
    }

    private static JsonNode dashboard(String file) throws IOException {
        return new ObjectMapper().readTree(Path.of("grafana/dashboards", file).toFile());
    }

    private static boolean panelShows(JsonNode dashboard, String title, String indicator) {
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("title").asText().equals(title)) {
                for (JsonNode target : panel.path("targets")) {
                    if (target.path("expr").asText().contains("indicator=\"" + indicator + "\"")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
