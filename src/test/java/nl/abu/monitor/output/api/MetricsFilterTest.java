package nl.abu.monitor.output.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** {@code /metrics?name[]=...} answers only the metrics named, for pollers that want a few series. */
class MetricsFilterTest {
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    MetricsFilterTest() {
        meters.gauge("abu_indicator_value", 3.0);
        meters.gauge("jvm_memory_used_bytes", 1024.0);
        meters.counter("abu_records_accepted").increment();
    }

    @Test
    void answersOnlyTheNamedMetrics() {
        // when asked for one metric, its name[] encoded as a client sends it
        String body = MonitorHttpServer.scrape(meters, "name%5B%5D=abu_indicator_value");

        // then only that metric is in the answer
        assertThat(body).contains("abu_indicator_value 3.0").doesNotContain("jvm_memory_used_bytes")
                .doesNotContain("abu_records_accepted");
    }

    @Test
    void answersSeveralNamesAndEverythingWithoutAFilter() {
        String two = MonitorHttpServer.scrape(meters,
                "name%5B%5D=abu_indicator_value&name%5B%5D=jvm_memory_used_bytes");
        String all = MonitorHttpServer.scrape(meters, null);

        assertThat(two).contains("abu_indicator_value", "jvm_memory_used_bytes").doesNotContain("abu_records_accepted");
        assertThat(all).contains("abu_indicator_value", "jvm_memory_used_bytes", "abu_records_accepted_total");
    }
}
