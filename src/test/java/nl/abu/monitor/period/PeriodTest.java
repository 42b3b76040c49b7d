package nl.abu.monitor.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void aLabelParsesToThePeriodItNames() {
        assertThat(Period.parse("2024")).isEqualTo(Period.year(2024));
        assertThat(Period.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("2025-12")).isEqualTo(Period.month(2025, 12));
    }

    @Test
    void everyPeriodOfAYearParsesBackFromItsLabel() {
        for (int q = 1; q <= 4; q++) {
            assertThat(Period.parse(Period.quarter(2025, q).label())).isEqualTo(Period.quarter(2025, q));
        }
        for (int m = 1; m <= 12; m++) {
            assertThat(Period.parse(Period.month(2025, m).label())).isEqualTo(Period.month(2025, m));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "25", "2025-Q5", "2025-Q0", "2025-13", "2025-00", "2025-1", "2025-07-01", " 2025"})
    void anythingElseIsRefused(String label) {
        assertThatThrownBy(() -> Period.parse(label)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a period");
    }
}
