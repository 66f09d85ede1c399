package org.acopi.scoring.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acopi.contracts.ReasonCatalogue;
import org.junit.jupiter.api.Test;

/** Every reason code scoring-service puts on a score has words and a CMS source in each PY's shared catalogue. */
class ScoreReasonCodesTest {

    private static final List<String> EMITTED = List.of(ClinicianFinalScore.NO_PI_SUBMISSION,
            ClinicianFinalScore.DATA_COMPROMISED, ClinicianFinalScore.ROSTER_REMOVED,
            ApmEntityRollup.ENTITY_LEVEL_SUBMISSION, ApmEntityRollup.ALL_REWEIGHTED, ApmEntityRollup.NO_COUNTED_CLINICIANS);

    @Test
    void everyEmittedScoreReasonIsInTheCatalogueOfEverySupportedYear() {
        for (int py : new int[] {2025, 2026}) {
            ReasonCatalogue catalogue = ReasonCatalogue.forYear(py);
            assertThat(catalogue.scoreReasons()).extracting(ReasonCatalogue.ScoreReason::code)
                    .containsExactlyInAnyOrderElementsOf(EMITTED);
        }
    }
}
