package nl.abu.monitor.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import nl.abu.monitor.events.IndicatorValue;

/** The JSON form of indicator values: the fields of contract section 6, in its order. */
public final class IndicatorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IndicatorJson() {
    }

    public static ObjectNode toJson(IndicatorValue v) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("indicator", v.getIndicator());
        node.put("period", v.getPeriod());
        node.put("scope", v.getScope());
        node.put("numerator", v.getNumerator());
        node.put("denominator", v.getDenominator());
        node.put("value", v.getValue());
        node.put("target", v.getTarget());
        node.put("expected", v.getExpected());
        node.put("status", v.getStatus().name());
        return node;
    }

    public static String toJsonArray(Collection<IndicatorValue> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(v -> array.add(toJson(v)));
        try {
            return MAPPER.writeValueAsString(array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write indicator JSON", e);
        }
    }
}
