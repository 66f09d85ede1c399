package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.acopi.contracts.Identifiers;
import org.acopi.contracts.ReasonCatalogue;
import org.acopi.contracts.ReasonCatalogue.Reason;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.events.ReweightingKind;
import org.acopi.eligibility.domain.PyEligibilityRules;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.scoring.rules.ApmEntityRollupRules;
import org.acopi.scoring.rules.ScoringRules;
import org.junit.jupiter.api.Test;

/**
 * The three services read every reason code the same way (docs/pi-rules.md §7.3, §6.3, §8): for each supported PY and
 * each code of the shared reason catalogue, eligibility-service's exclusion, MIPS effect and reweighting, scoring-service's
 * APM entity roll-up membership and reporting-service's earned-score population, voluntary-reporting basis and ACO
 * exemption all equal the catalogue's entry. A code re-interpreted in one service fails here.
 */
class ReasonSemanticsAgreementTest {

    @Test
    void everyServiceReadsEveryCodeAsTheCatalogueSays() {
        EligibilityRules eligibility = EligibilityRules.load();
        ScoringRules scoring = ScoringRules.fromClasspath();
        for (int py : Identifiers.supportedYears()) {
            ReasonCatalogue catalogue = ReasonCatalogue.forYear(py);
            PyEligibilityRules eligibilityRules = eligibility.forYear(py);
            ApmEntityRollupRules rollup = scoring.year(py).apmEntityRollup();
            CountingRules counting = CountingRules.forYear(py);
            assertThat(catalogue.reasons()).as("PY%s catalogue", py).isNotEmpty();
            for (Reason reason : catalogue.reasons()) {
                String code = reason.code();
                String what = "PY" + py + " " + code;
                assertThat(eligibilityRules.reason(code)).as(what + " in eligibility-service").isEqualTo(reason);
                assertThat(rollup.notPartOfEntity().contains(code)).as(what + " outside the APM entity roll-up")
                        .isEqualTo(!reason.inApmEntityRollup());
                assertThat(counting.isInsideEarnedScoreUniverse(code)).as(what + " inside N1's population")
                        .isEqualTo(reason.inEarnedScoreUniverse());
                assertThat(counting.isVoluntaryReportingBasis(code)).as(what + " an N3 basis")
                        .isEqualTo(reason.voluntaryReportingBasis());
                assertThat(counting.acoExemptReasons().contains(code)).as(what + " exempts the ACO")
                        .isEqualTo(reason.exemptsAco());
            }
            assertThat(rollup.notPartOfEntity()).as("PY%s roll-up names only catalogue codes", py)
                    .allSatisfy(code -> assertThat(catalogue.find(code)).isPresent());
        }
    }

    @Test
    void theFiveReasonsOfSection8AreOutsideTheEarnedScorePopulationInEveryYear() {
        for (int py : Identifiers.supportedYears()) {
            ReasonCatalogue catalogue = ReasonCatalogue.forYear(py);
            for (String code : new String[] {"NOT_IN_SNAPSHOT3", "ACO_ALL_FQHC", "FQHC_RHC_NOT_MIPS_EC", "NOT_MIPS_EC_TYPE", "BELOW_LVT"}) {
                assertThat(catalogue.reason(code).inEarnedScoreUniverse()).as("PY%s %s", py, code).isFalse();
            }
            assertThat(catalogue.codes(Reason::voluntaryReportingBasis)).as("PY%s", py)
                    .doesNotContain("REWEIGHT_DATA_COMPROMISED").contains("REWEIGHT_SMALL_PRACTICE", "REWEIGHT_AUTO_EUC");
            assertThat(catalogue.codes(r -> r.reweighting() != ReweightingKind.NONE).get(0))
                    .as("PY%s: compromised data decides ahead of every other reweighting basis", py)
                    .isEqualTo("REWEIGHT_DATA_COMPROMISED");
        }
    }
}
