package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void runIsTheDefaultCommand() {
        Options options = Options.parse(List.of("--once", "--reload", "--data", "x"));

        assertThat(options.command()).isEqualTo("run");
        assertThat(options.once()).isTrue();
        assertThat(options.reload()).isTrue();
        assertThat(options.data()).isEqualTo(Path.of("x").toAbsolutePath());
        assertThat(options.bootstrap()).isEqualTo("localhost:9092");
    }

    @Test
    void loadNeedsADataset() {
        assertThatThrownBy(() -> Options.parse(List.of("load"))).hasMessage("load needs --data DIR");
        assertThat(Options.parse(List.of("load", "--data", "d", "--bootstrap", "kafka:9092")).bootstrap()).isEqualTo("kafka:9092");
    }

    @Test
    void unknownInputIsRejected() {
        assertThatThrownBy(() -> Options.parse(List.of("start"))).hasMessage("unknown command 'start'");
        assertThatThrownBy(() -> Options.parse(List.of("--fast"))).hasMessage("unknown option '--fast'");
        assertThatThrownBy(() -> Options.parse(List.of("--data"))).hasMessage("--data needs a value");
    }
}
