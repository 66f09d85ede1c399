package org.acopi.eligibility.domain;

import static org.acopi.eligibility.Fixtures.aco;
import static org.acopi.eligibility.Fixtures.facts;
import static org.acopi.eligibility.Fixtures.roster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.acopi.contracts.ReasonCatalogue;
import org.acopi.contracts.ReasonCatalogue.Reason;
import org.acopi.contracts.Identifiers;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipBasis;
import org.acopi.events.Program;
import org.acopi.events.QpStatus;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;
import org.junit.jupiter.api.Test;

/** The per-PY rules data: present for every supported PY, complete, consistent, the §11.1 enforcement defaults, and what it drives. */
class EligibilityRulesTest {

    @Test
    void everySupportedPerformanceYearHasRules() {
        EligibilityRules rules = EligibilityRules.load();
        assertThat(rules.years()).containsExactlyElementsOf(Identifiers.supportedYears()).contains(2025, 2026);
    }

    @Test
    void enforcementFollowsSection11_1() {
        EligibilityRules rules = EligibilityRules.load();
        for (Track track : Track.values()) {
            assertThat(rules.forYear(2025).enforced(track)).as("PY2025 " + track).isFalse();
            assertThat(rules.forYear(2026).enforced(track)).as("PY2026 " + track).isTrue();
        }
        assertThat(rules.forYear(2025).enforced(null)).isFalse();
        assertThat(rules.forYear(2026).enforced(null)).isTrue();
    }

    @Test
    void everyStatusAndBasisReweightsInBothYears() {
        for (int py : new int[] {2025, 2026}) {
            PyEligibilityRules rules = EligibilityRules.load().forYear(py);
            for (SpecialStatus s : SpecialStatus.values()) {
                assertThat(rules.reweights(s)).isTrue();
            }
            for (HardshipBasis b : HardshipBasis.values()) {
                assertThat(rules.reweights(b)).isTrue();
            }
            assertThat(rules.decidingSnapshot()).isEqualTo(3);
            assertThat(rules.isMipsEligibleType("CLINICAL_SOCIAL_WORKER")).isTrue();
            assertThat(rules.isMipsEligibleType("MARRIAGE_FAMILY_THERAPIST")).isFalse();
        }
    }

    @Test
    void aYearCanChangeAnyValueByDataAlone() throws IOException {
        String json = resource("rules/py2026/eligibility.json")
                .replace("\"performanceYear\": 2026", "\"performanceYear\": 2027")
                .replace("acopi-eligibility-rules/2026.2", "acopi-eligibility-rules/2027.1")
                .replace("\"decidingSnapshot\": 3", "\"decidingSnapshot\": 2")
                .replace("\"specialStatuses\": [\"SMALL_PRACTICE\", ", "\"specialStatuses\": [");
        ReasonCatalogue reasons2027 = ReasonCatalogue.parse(resource("contracts/reasons/py2026.json")
                .replace("\"performanceYear\": 2026", "\"performanceYear\": 2027"), "py2027 catalogue");
        PyEligibilityRules py2027 = EligibilityRules.parse(json, reasons2027, "py2027 test");
        assertThat(py2027.performanceYear()).isEqualTo(2027);
        assertThat(py2027.decidingSnapshot()).isEqualTo(2);
        assertThat(py2027.reweights(SpecialStatus.SMALL_PRACTICE)).isFalse();
    }

    @Test
    void rulesWhoseCatalogueLacksAReasonTheEngineCanProduceAreRejected() throws IOException {
        ReasonCatalogue catalogue = catalogue(text -> text.replaceAll("\\{\"code\": \"BELOW_LVT\"[^\\n]*\\n", ""));
        assertThatThrownBy(() -> EligibilityRules.parse(resource("rules/py2026/eligibility.json"), catalogue, "broken"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no entry for [BELOW_LVT]");
    }

    @Test
    void theMipsStatusOfEachQpStatusIsData() throws IOException {
        ReasonCatalogue catalogue = catalogue(text -> text.replace(
                "{\"code\": \"QP_SSP_ONLY\", \"excluded\": false, \"mipsExcluded\": true",
                "{\"code\": \"QP_SSP_ONLY\", \"excluded\": false, \"mipsExcluded\": false"));
        EligibilityDecider decider = new EligibilityDecider(EligibilityRules.of(
                EligibilityRules.parse(resource("rules/py2026/eligibility.json"), catalogue, "qp test")));
        ClinicianFacts qp = facts(2026).setQpStatus(QpStatus.QP).build();
        assertThat(decider.decide(inputs(aco(2026).build(), roster(2026).build(), qp)).getMipsPiRequired()).isTrue();
        assertThat(decider.decide(inputs(aco(2026).setProgram(Program.REACH).build(), roster(2026).build(), qp)).getMipsPiRequired())
                .as("NOT_MSSP leaves the clinician's own MIPS status, read from QP_SSP_ONLY").isTrue();

        EligibilityDecider shipped = new EligibilityDecider(EligibilityRules.load());
        assertThat(shipped.decide(inputs(aco(2026).build(), roster(2026).build(), qp)).getMipsPiRequired()).isFalse();
        assertThat(shipped.decide(inputs(aco(2026).setProgram(Program.REACH).build(), roster(2026).build(), qp)).getMipsPiRequired()).isFalse();
    }

    @Test
    void whatAnAllFqhcAcoImpliesIsData() throws IOException {
        ReasonCatalogue catalogue = catalogue(text -> text.replace("\"implies\": [\"FQHC_RHC_NOT_MIPS_EC\"]", "\"implies\": []"));
        EligibilityDecider decider = new EligibilityDecider(EligibilityRules.of(
                EligibilityRules.parse(resource("rules/py2026/eligibility.json"), catalogue, "implies test")));
        assertThat(decider.decide(inputs(aco(2026).setAllFqhcRhc(true).build(), roster(2026).build(), facts(2026).build()))
                .getReasonCodes()).containsExactly(ReasonCodes.ACO_ALL_FQHC);

        assertThatThrownBy(() -> catalogue(text -> text.replace("\"implies\": [\"FQHC_RHC_NOT_MIPS_EC\"]", "\"implies\": [\"FQHC\"]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ACO_ALL_FQHC implies an unknown code");
    }

    @Test
    void whetherALaterRemovalWithdrawsIsData() throws IOException {
        String json = resource("rules/py2026/eligibility.json")
                .replace("\"removalAfterDecidingSnapshotWithdraws\": false", "\"removalAfterDecidingSnapshotWithdraws\": true");
        EligibilityDecider decider = new EligibilityDecider(EligibilityRules.of(EligibilityRules.parse(json, "leavers test")));
        RosterPosition leftInOctober = RosterPosition.of(roster(2026).build(), 3)
                .with(roster(2026).setSnapshot(4).setStatus(RosterStatus.REMOVED).build(), 3);
        EligibilityInputs inputs = new EligibilityInputs(aco(2026).build(), leftInOctober, facts(2026).build(), null, List.of());
        assertThat(decider.decide(inputs).getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
        assertThat(new EligibilityDecider(EligibilityRules.load()).decide(inputs).getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
        for (int py : new int[] {2025, 2026}) {
            assertThat(EligibilityRules.load().forYear(py).removalAfterDecidingSnapshotWithdraws()).isFalse();
        }
    }

    @Test
    void aCodeThatStandsAloneWhenNothingExcludesCannotExclude() throws IOException {
        ReasonCatalogue catalogue = catalogue(text -> text.replace(
                "{\"code\": \"REQUIRED\", \"excluded\": false", "{\"code\": \"REQUIRED\", \"excluded\": true"));
        assertThatThrownBy(() -> EligibilityRules.parse(resource("rules/py2026/eligibility.json"), catalogue, "broken"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REQUIRED applies only when nothing excludes");
    }

    @Test
    void acoLevelExemptionsComeBeforeSnapshot3AsDocumented() {
        for (int py : new int[] {2025, 2026}) {
            assertThat(EligibilityRules.load().forYear(py).reasons()).extracting(Reason::code)
                    .containsSubsequence("NOT_MSSP", "ACO_ALL_FQHC", "NOT_IN_SNAPSHOT3");
        }
    }

    private static EligibilityInputs inputs(AcoProfile aco, RosterEntry roster, ClinicianFacts facts) {
        return new EligibilityInputs(aco, RosterPosition.of(roster, 3), facts, null, List.of());
    }

    @Test
    void reasonsAreOrderedAsSection7_3() {
        PyEligibilityRules rules = EligibilityRules.load().forYear(2026);
        assertThat(rules.reasons()).extracting(Reason::code).containsSubsequence(
                "NOT_IN_SNAPSHOT3", "FQHC_RHC_NOT_MIPS_EC", "NOT_MIPS_EC_TYPE", "BELOW_LVT", "REWEIGHT_DATA_COMPROMISED",
                "REWEIGHT_SMALL_PRACTICE", "REWEIGHT_AUTO_EUC", "REWEIGHT_APP_DECERTIFIED_EHR", "QP_SSP_ONLY",
                "PARTIAL_QP_SSP", "REQUIRED");
    }

    /** The shipped PY2026 reason catalogue with one edit. */
    private static ReasonCatalogue catalogue(UnaryOperator<String> edit) throws IOException {
        return ReasonCatalogue.parse(edit.apply(resource("contracts/reasons/py2026.json")), "edited catalogue");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EligibilityRulesTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
