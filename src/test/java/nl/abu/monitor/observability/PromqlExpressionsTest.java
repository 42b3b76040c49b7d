package nl.abu.monitor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import nl.abu.monitor.observability.PromqlExpressions.Expression;
import nl.abu.monitor.observability.PromqlExpressions.Kind;
import org.junit.jupiter.api.Test;

class PromqlExpressionsTest {

    private static String dataPart(String expr) {
        return new Expression("test", expr, Kind.ALERTING_RULE).withoutThreshold().expr();
    }

    @Test
    void aTrailingComparisonWithANumberIsTheThreshold() {
        assertThat(dataPart("up{job=\"migration-monitor\"} == 0")).isEqualTo("up{job=\"migration-monitor\"}");
        assertThat(dataPart("kafka_stream_client_state{job=\"m\"} != 2")).isEqualTo("kafka_stream_client_state{job=\"m\"}");
        assertThat(dataPart("job:abu_records_rejected:ratio_rate5m > 0.05")).isEqualTo("job:abu_records_rejected:ratio_rate5m");
        assertThat(dataPart("max by (job) (lag{topic!=\"x\"}) >= bool 1e4")).isEqualTo("max by (job) (lag{topic!=\"x\"})");
    }

    @Test
    void otherExpressionsStayAsTheyAre() {
        String drift = "max without (instance) (v) and on (indicator) (max without (instance) (s{status=\"AT_RISK\"}) == 1)";
        assertThat(dataPart(drift)).isEqualTo(drift);
        assertThat(dataPart("a > b")).isEqualTo("a > b");
        assertThat(dataPart("rate(x[5m])")).isEqualTo("rate(x[5m])");
        assertThat(dataPart("x{a=\"==1\"}")).isEqualTo("x{a=\"==1\"}");
        // panels and recording rules are never reduced
        assertThat(new Expression("p", "up == 0", Kind.PANEL).withoutThreshold().expr()).isEqualTo("up == 0");
    }

    @Test
    void theRepositorysThresholdAlertsAreReducedAndTheDriftAlertsAreNot() {
        Map<String, String> alerts = PromqlExpressions.fromRules().stream()
                .filter(e -> e.kind() == Kind.ALERTING_RULE)
                .collect(Collectors.toMap(Expression::source, e -> e.withoutThreshold().expr()));
        assertThat(alerts).containsEntry("prometheus/rules/alerts.yml AbuMonitorDown", "up{job=\"migration-monitor\"}")
                .containsEntry("prometheus/rules/alerts.yml AbuRejectionsSpiking", "job:abu_records_rejected:ratio_rate5m");
        PromqlExpressions.fromRules().stream().filter(e -> e.source().contains("AbuIndicator"))
                .forEach(e -> assertThat(e.withoutThreshold()).isEqualTo(e));
    }
}
