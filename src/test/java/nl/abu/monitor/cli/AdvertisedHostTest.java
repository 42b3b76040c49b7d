package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvertisedHostTest {

    @Test
    void theConfiguredHostWins() {
        assertThat(AdvertisedHost.of(Optional.of("monitor-1.monitor"), "0.0.0.0")).isEqualTo("monitor-1.monitor");
    }

    @Test
    void aConcreteBindHostIsAdvertisedAsIs() {
        assertThat(AdvertisedHost.of(Optional.empty(), "10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @Test
    void aWildcardIsReplacedByAnAddressOfThisMachine() {
        assertThat(AdvertisedHost.of(Optional.empty(), "0.0.0.0")).isNotEqualTo("0.0.0.0").isNotBlank();
        assertThat(AdvertisedHost.of(Optional.empty(), "::")).isNotEqualTo("::").isNotBlank();
    }
}
