package nl.abu.monitor.output.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.abu.monitor.indicator.IndicatorCell;

/** The body of {@code /api/internal/indicators}: {@code [{"cell": "indicator|period|scope", "numerator": n, "denominator": d}]}. */
final class CellTotalsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CellTotalsJson() {
    }

    static String write(Collection<CellTotal> totals) {
        ArrayNode array = MAPPER.createArrayNode();
        totals.forEach(t -> array.addObject().put("cell", t.cell().key()).put("numerator", t.numerator())
                .put("denominator", t.denominator()));
        try {
            return MAPPER.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cell totals", e);
        }
    }

    static List<CellTotal> read(String json) throws JsonProcessingException {
        JsonNode array = MAPPER.readTree(json);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("not a JSON array of cell totals");
        }
        List<CellTotal> totals = new ArrayList<>();
        for (JsonNode node : array) {
            totals.add(new CellTotal(IndicatorCell.parse(node.required("cell").asText()),
                    node.required("numerator").asLong(), node.required("denominator").asLong()));
        }
        return totals;
    }
}
