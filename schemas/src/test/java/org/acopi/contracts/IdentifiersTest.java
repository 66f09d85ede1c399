package org.acopi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void npiPassesTheLuhnCheckOverThe80840Prefix() {
        assertThat(Identifiers.isNpi("1234567893")).isTrue();
        assertThat(Identifiers.isNpi("1234567890")).isFalse();
        assertThat(Identifiers.isNpi("123456789")).isFalse();
        assertThat(Identifiers.isNpi("12345678a3")).isFalse();
        assertThat(Identifiers.npiWithCheckDigit("123456789")).isEqualTo("1234567893");
    }

    @Test
    void tinIsNineDigits() {
        assertThat(Identifiers.isTin("123456789")).isTrue();
        assertThat(Identifiers.isTin("12345678")).isFalse();
        assertThat(Identifiers.isTin(null)).isFalse();
    }

    @Test
    void masksEveryTinKeepingTheLastFourDigits() {
        assertThat(Identifiers.maskTin("123456789")).isEqualTo("*****6789");
        assertThat(Identifiers.maskKey("2026:123456789:1234567893")).isEqualTo("2026:*****6789:1234567893");
        assertThat(Identifiers.maskKey("2026:1234567890:1234567893")).isEqualTo("2026:******7890:1234567893");
    }

    @Test
    void supportedYearsAreData() {
        assertThat(Identifiers.supportedYears()).containsExactly(2025, 2026);
        assertThat(Identifiers.isSupportedYear(2024)).isFalse();
    }
}
