package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void theIssuesRunIsTheDefault() {
        ChaosOptions options = ChaosOptions.parse(List.of(), REPO);

        assertThat(options.spec().acos()).isEqualTo(50);
        assertThat(options.kills()).isEqualTo(30);
        assertThat(options.mongoOutage()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.faultWindow()).isEqualTo(Duration.ofSeconds(240));
        assertThat(options.home()).isEqualTo(REPO.resolve(".acopi-chaos"));
    }

    @Test
    void durationsTakeAUnit() {
        assertThat(ChaosOptions.parse(List.of("--mongo-outage", "2m"), REPO).mongoOutage()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ChaosOptions.parse(List.of("--mongo-outage", "5s", "--kills", "2"), REPO).faultWindow())
                .as("at least the outage plus a minute").isEqualTo(Duration.ofSeconds(65));
        assertThat(ChaosOptions.duration("--x", "1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ChaosOptions.duration("--x", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ChaosOptions.duration("--x", "soon")).hasMessageContaining("--x takes a duration");
    }

    @Test
    void theWindowMustOutlastTheOutage() {
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--mongo-outage", "60s", "--fault-window", "30s"), REPO))
                .hasMessage("--fault-window must be longer than --mongo-outage");
    }
}
