package org.acopi.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.acopi.contracts.ReasonCatalogue.Reason;
import org.junit.jupiter.api.Test;

class ReasonCatalogueTest {

    @Test
    void everySupportedYearHasACatalogueWithWordsAndASourceForEveryCode() {
        for (int py : Identifiers.supportedYears()) {
            ReasonCatalogue catalogue = ReasonCatalogue.forYear(py);
            assertThat(catalogue.performanceYear()).isEqualTo(py);
            assertThat(catalogue.version()).isEqualTo("acopi-reasons/" + py + ".1");
            assertThat(catalogue.reasons()).allSatisfy(r -> {
                assertThat(r.label()).isNotBlank();
                assertThat(r.source()).matches(".*(CFR|CMS|NAACOS).*").doesNotContain("pi-rules");
                assertThat(r.text()).doesNotContain("pi-rules").doesNotContain("§");
            });
        }
    }

    @Test
    void theListOrderIsThePrecedence() {
        ReasonCatalogue catalogue = ReasonCatalogue.forYear(2026);
        assertThat(catalogue.ordered(List.of("REQUIRED", "REWEIGHT_SMALL_PRACTICE", "REWEIGHT_DATA_COMPROMISED", "BELOW_LVT")))
                .containsExactly("BELOW_LVT", "REWEIGHT_DATA_COMPROMISED", "REWEIGHT_SMALL_PRACTICE", "REQUIRED");
    }

    @Test
    void aVoluntaryReportingBasisOutsideTheEarnedScorePopulationIsRefused() throws IOException {
        String broken = shipped().replaceFirst(
                "(\\{\"code\": \"REWEIGHT_SMALL_PRACTICE\"[^\\n]*)\"inEarnedScoreUniverse\": true", "$1\"inEarnedScoreUniverse\": false");
        assertThatThrownBy(() -> ReasonCatalogue.parse(broken, "broken"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REWEIGHT_SMALL_PRACTICE is a voluntary-reporting basis");
    }

    @Test
    void aCodeThatDoesNotExcludeMustBeInsideTheEarnedScorePopulation() throws IOException {
        String broken = shipped().replaceFirst(
                "(\\{\"code\": \"REQUIRED\"[^\\n]*)\"inEarnedScoreUniverse\": true", "$1\"inEarnedScoreUniverse\": false");
        assertThatThrownBy(() -> ReasonCatalogue.parse(broken, "broken"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REQUIRED does not exclude");
    }

    @Test
    void anUnknownCodeIsRefusedNotGuessed() {
        assertThat(ReasonCatalogue.forYear(2026).find("NO_SUCH_CODE")).isEmpty();
        assertThatThrownBy(() -> ReasonCatalogue.forYear(2026).reason("NO_SUCH_CODE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReasonCatalogue.forYear(2024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainedNamesTheCodeItsWordsAndItsSource() {
        Reason belowLvt = ReasonCatalogue.forYear(2026).reason("BELOW_LVT");
        assertThat(belowLvt.explained()).startsWith("BELOW_LVT: does not exceed").contains("42 CFR 414.1310(b)(1)(iii)");
    }

    private static String shipped() throws IOException {
        try (InputStream in = ReasonCatalogueTest.class.getClassLoader().getResourceAsStream("contracts/reasons/py2026.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
