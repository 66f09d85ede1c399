package org.acopi.reporting.publicreport;

import static org.acopi.reporting.Fixtures.eligibility;
import static org.acopi.reporting.Fixtures.npi;
import static org.acopi.reporting.Fixtures.participant;
import static org.acopi.reporting.Fixtures.score;
import static org.acopi.reporting.Fixtures.tin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acopi.reporting.Fixtures;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.SourceVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PublicReportCalculatorTest {

    private static final String ACO = "A1001";
    private static final AcoYear PY2026 = new AcoYear(ACO, 2026);

    private static PublicReport report(Participant... participants) {
        return PublicReportCalculator.compute(PY2026, List.of(participants), null);
    }

    private static Participant clinician(int tin, int npi, Fixtures.Eligibility eligibility, Fixtures.Score score) {
        return participant(2026, tin(tin), npi(npi), eligibility, score);
    }

    @Nested
    class ProvidersSuppliers {

        @Test
        void requiredAndScoredCountsInEarnedAndMetRequirement() {
            PublicCounts counts = report(clinician(1, 1, eligibility(ACO), score(ACO).scored(88, "GROUP"))).providersSuppliers();

            assertThat(counts.earnedPiScore()).isEqualTo(1);
            assertThat(counts.metRequirementNotExcluded()).isEqualTo(1);
            assertThat(counts.excludedVoluntarilyReported()).isZero();
            assertThat(counts.required()).isEqualTo(1);
            assertThat(counts.requiredNotScored()).isZero();
        }

        @Test
        void aReportedScoreOfZeroCountsAsEarned() {
            PublicCounts counts = report(clinician(1, 1, eligibility(ACO), score(ACO).scored(0, "INDIVIDUAL"))).providersSuppliers();

            assertThat(counts.earnedPiScore()).isEqualTo(1);
            assertThat(counts.metRequirementNotExcluded()).isEqualTo(1);
            assertThat(counts.requiredNotScored()).isZero();
        }

        @Test
        void requiredWithoutScoreIsRequiredNotScored() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO), null),
                    clinician(1, 2, eligibility(ACO), score(ACO).notScored())).providersSuppliers();

            assertThat(counts.requiredNotScored()).isEqualTo(2);
            assertThat(counts.earnedPiScore()).isZero();
            assertThat(counts.metRequirementNotExcluded()).isZero();
        }

        @Test
        void qpAndPartialQpAreRequired() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).required("QP_SSP_ONLY"), score(ACO).scored(70, "APM_ENTITY")),
                    clinician(1, 2, eligibility(ACO).required("PARTIAL_QP_SSP"), null)).providersSuppliers();

            assertThat(counts.required()).isEqualTo(2);
            assertThat(counts.metRequirementNotExcluded()).isEqualTo(1);
            assertThat(counts.requiredNotScored()).isEqualTo(1);
        }

        @Test
        void excludedUnderAReweightingBasisAndScoredIsExcludedVoluntarilyReported() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(60, "GROUP")),
                    clinician(2, 2, eligibility(ACO).excluded("REWEIGHT_AUTO_EUC"), score(ACO).scored(0, "INDIVIDUAL")),
                    clinician(3, 3, eligibility(ACO).excluded("REWEIGHT_APP_DECERTIFIED_EHR"), score(ACO).scored(90, "INDIVIDUAL")),
                    clinician(4, 4, eligibility(ACO).excluded("REWEIGHT_HOSPITAL_BASED", "REWEIGHT_AUTO_EUC"),
                            score(ACO).scored(50, "INDIVIDUAL")),
                    clinician(5, 5, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), null)).providersSuppliers();

            assertThat(counts.excludedVoluntarilyReported()).isEqualTo(4);
            assertThat(counts.earnedPiScore()).isEqualTo(4);
            assertThat(counts.metRequirementNotExcluded()).isZero();
            assertThat(counts.excluded()).isEqualTo(5);
        }

        @Test
        void aReweightingBasisBehindAnotherExclusionDoesNotMakeItVoluntaryReporting() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).excluded("BELOW_LVT", "REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(80, "GROUP")),
                    clinician(2, 2, eligibility(ACO).excluded("NOT_IN_SNAPSHOT3", "REWEIGHT_APP_CEHRT_NOT_AVAILABLE"),
                            score(ACO).scored(70, "INDIVIDUAL")),
                    clinician(3, 3, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE", "BELOW_LVT"), score(ACO).scored(60, "GROUP")))
                    .providersSuppliers();

            assertThat(counts.excludedVoluntarilyReported()).isEqualTo(1);
            assertThat(counts.earnedPiScore()).as("below the LVT or not on Snapshot 3: outside N1 despite the score").isEqualTo(1);
            assertThat(counts.excludedByReason()).containsExactly(
                    Map.entry("BELOW_LVT", 1), Map.entry("NOT_IN_SNAPSHOT3", 1), Map.entry("REWEIGHT_SMALL_PRACTICE", 1));
        }

        @Test
        void exclusionsWithoutReweightingOrWithCompromisedDataAreNotVoluntaryReporting() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).excluded("BELOW_LVT"), score(ACO).scored(80, "GROUP")),
                    clinician(2, 2, eligibility(ACO).excluded("REWEIGHT_DATA_COMPROMISED"), score(ACO).scored(80, "GROUP")),
                    clinician(3, 3, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE", "REWEIGHT_DATA_COMPROMISED").dataCompromised(),
                            score(ACO).scored(80, "GROUP")),
                    clinician(4, 4, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE").dataCompromised(), score(ACO).scored(80, "GROUP")),
                    clinician(5, 5, eligibility(ACO).excluded("NOT_IN_SNAPSHOT3"), score(ACO).scored(80, "GROUP")),
                    clinician(6, 6, eligibility(ACO).excluded("NOT_MIPS_EC_TYPE", "REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(80, "GROUP")))
                    .providersSuppliers();

            assertThat(counts.excludedVoluntarilyReported()).isZero();
            assertThat(counts.earnedPiScore()).as("N1 = N2 + N3").isZero();
        }

        @Test
        void aGroupScoreNeverRaisesN1ForUnitsOutsideThePopulationThatCanEarnAScore() {
            // 42 CFR 425.308(b)(9) counts MIPS eligible clinicians, QPs and Partial QPs only (docs/pi-rules.md §8)
            for (String outside : List.of("BELOW_LVT", "NOT_IN_SNAPSHOT3", "FQHC_RHC_NOT_MIPS_EC", "NOT_MIPS_EC_TYPE")) {
                PublicReport withGroupScore = report(
                        clinician(1, 1, eligibility(ACO), score(ACO).scored(90, "GROUP")),
                        clinician(1, 2, eligibility(ACO).excluded(outside), score(ACO).scored(90, "GROUP")));
                PublicReport withoutItsScore = report(
                        clinician(1, 1, eligibility(ACO), score(ACO).scored(90, "GROUP")),
                        clinician(1, 2, eligibility(ACO).excluded(outside), null));
                assertThat(withGroupScore.providersSuppliers().earnedPiScore()).as(outside)
                        .isEqualTo(withoutItsScore.providersSuppliers().earnedPiScore()).isEqualTo(1);
                assertThat(withGroupScore.participants().earnedPiScore()).as(outside)
                        .isEqualTo(withoutItsScore.participants().earnedPiScore()).isEqualTo(1);
            }
            PublicReport allFqhc = report(clinician(1, 1, eligibility(ACO).excluded("ACO_ALL_FQHC", "FQHC_RHC_NOT_MIPS_EC"),
                    score(ACO).scored(90, "APM_ENTITY")));
            assertThat(allFqhc.providersSuppliers().earnedPiScore()).isZero();
            assertThat(allFqhc.participants().earnedPiScore()).isZero();
        }

        @Test
        void compromisedDataDecidesAndIsCountedUnderItsOwnReason() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).excluded("REWEIGHT_DATA_COMPROMISED", "REWEIGHT_SMALL_PRACTICE").dataCompromised(),
                            score(ACO).notScored()))
                    .providersSuppliers();

            assertThat(counts.excludedByReason()).containsExactly(Map.entry("REWEIGHT_DATA_COMPROMISED", 1));
            assertThat(counts.earnedPiScore()).isZero();
            assertThat(counts.excludedVoluntarilyReported()).isZero();
        }

        @Test
        void cliniciansThatAreNotMipsEligibleTypesNeverCountAsEarned() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).excluded("NOT_MIPS_EC_TYPE"), score(ACO).scored(75, "APM_ENTITY")),
                    clinician(2, 2, eligibility(ACO).excluded("FQHC_RHC_NOT_MIPS_EC"), score(ACO).scored(75, "APM_ENTITY")))
                    .providersSuppliers();

            assertThat(counts.scored()).isEqualTo(2);
            assertThat(counts.earnedPiScore()).isZero();
        }

        @Test
        void everyActiveRosterClinicianIsRequiredOrExcludedAndCountedOnceUnderItsFirstReason() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO), null),
                    clinician(1, 2, eligibility(ACO).excluded("BELOW_LVT", "NOT_MIPS_EC_TYPE"), null),
                    clinician(1, 3, eligibility(ACO).excluded("BELOW_LVT"), null),
                    clinician(2, 4, eligibility(ACO).excluded("NOT_IN_SNAPSHOT3"), null),
                    clinician(3, 5, eligibility(ACO).excluded("FACTS_PENDING").factsPending(), null),
                    clinician(4, 6, eligibility(ACO).excluded(), null)).providersSuppliers();

            assertThat(counts.activeRoster()).isEqualTo(6);
            assertThat(counts.required() + counts.excluded()).isEqualTo(counts.activeRoster());
            assertThat(counts.excludedByReason()).containsExactly(
                    Map.entry("BELOW_LVT", 2), Map.entry("FACTS_PENDING", 1), Map.entry("NOT_IN_SNAPSHOT3", 1),
                    Map.entry("UNSPECIFIED", 1));
            assertThat(counts.determinationPending()).isEqualTo(1);
        }

        @Test
        void removedCliniciansAndScoresNoLongerCount() {
            PublicCounts counts = report(
                    clinician(1, 1, eligibility(ACO).removed(), score(ACO).scored(90, "GROUP")),
                    clinician(1, 2, eligibility(ACO), score(ACO).scored(90, "GROUP").removed()),
                    clinician(1, 3, null, score(ACO).scored(90, "GROUP"))).providersSuppliers();

            assertThat(counts.activeRoster()).isEqualTo(1);
            assertThat(counts.scored()).isZero();
            assertThat(counts.requiredNotScored()).isEqualTo(1);
        }
    }

    @Nested
    class Participants {

        @Test
        void aTinEarnedAScoreWhenEveryRequiredClinicianIsScored() {
            PublicCounts tins = report(
                    clinician(1, 1, eligibility(ACO), score(ACO).scored(90, "GROUP")),
                    clinician(1, 2, eligibility(ACO), score(ACO).scored(0, "GROUP")),
                    clinician(1, 3, eligibility(ACO).excluded("BELOW_LVT"), null),
                    clinician(2, 4, eligibility(ACO), score(ACO).scored(80, "INDIVIDUAL")),
                    clinician(2, 5, eligibility(ACO), null)).participants();

            assertThat(tins.activeRoster()).isEqualTo(2);
            assertThat(tins.required()).isEqualTo(2);
            assertThat(tins.earnedPiScore()).isEqualTo(1);
            assertThat(tins.metRequirementNotExcluded()).isEqualTo(1);
            assertThat(tins.requiredNotScored()).isEqualTo(1);
            assertThat(tins.scored()).isEqualTo(2);
        }

        @Test
        void aTinWithoutRequiredCliniciansIsExcludedAndCountsAsVoluntaryWhenOneOfThemIs() {
            PublicCounts tins = report(
                    clinician(1, 1, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "GROUP")),
                    clinician(1, 2, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "GROUP")),
                    clinician(2, 3, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), null),
                    clinician(3, 4, eligibility(ACO).excluded("BELOW_LVT"), null),
                    clinician(3, 5, eligibility(ACO).excluded("NOT_MIPS_EC_TYPE"), null)).participants();

            assertThat(tins.excluded()).isEqualTo(3);
            assertThat(tins.required()).isZero();
            assertThat(tins.excludedVoluntarilyReported()).isEqualTo(1);
            assertThat(tins.earnedPiScore()).isEqualTo(1);
            assertThat(tins.metRequirementNotExcluded()).isZero();
            assertThat(tins.excludedByReason()).containsExactly(
                    Map.entry(TinLevel.MIXED_REASONS, 1), Map.entry("REWEIGHT_SMALL_PRACTICE", 2));
        }

        @Test
        void aTinIsVoluntaryOnlyWhenAClinicianIsExcludedUnderAReweightingBasisThatDecides() {
            PublicCounts tins = report(
                    clinician(1, 1, eligibility(ACO).excluded("BELOW_LVT", "REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "GROUP")),
                    clinician(1, 2, eligibility(ACO).excluded("NOT_IN_SNAPSHOT3", "REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "GROUP")),
                    clinician(2, 3, eligibility(ACO).excluded("BELOW_LVT", "REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "GROUP")),
                    clinician(2, 4, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "GROUP")))
                    .participants();

            assertThat(tins.excluded()).isEqualTo(2);
            assertThat(tins.earnedPiScore()).as("N1 = N2 + N3 at TIN level").isEqualTo(1);
            assertThat(tins.excludedVoluntarilyReported()).isEqualTo(1);
        }

        @Test
        void aTinWithRequiredAndScoredExcludedCliniciansIsRequired() {
            PublicCounts tins = report(
                    clinician(1, 1, eligibility(ACO), null),
                    clinician(1, 2, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(70, "INDIVIDUAL")))
                    .participants();

            assertThat(tins.required()).isEqualTo(1);
            assertThat(tins.requiredNotScored()).isEqualTo(1);
            assertThat(tins.earnedPiScore()).isZero();
            assertThat(tins.excludedVoluntarilyReported()).isZero();
        }

        @Test
        void aTinWhoseCliniciansAllLeftTheRosterIsNotCounted() {
            PublicCounts tins = report(clinician(1, 1, eligibility(ACO).removed(), null)).participants();

            assertThat(tins.activeRoster()).isZero();
        }
    }

    @Test
    void anAcoMadeUpEntirelyOfFqhcsIsExempt() {
        PublicReport report = report(
                clinician(1, 1, eligibility(ACO).excluded("ACO_ALL_FQHC"), null),
                clinician(2, 2, eligibility(ACO).excluded("FQHC_RHC_NOT_MIPS_EC", "ACO_ALL_FQHC"), null),
                clinician(3, 3, eligibility(ACO).excluded("ACO_ALL_FQHC").removed(), null));

        assertThat(report.exempt()).isTrue();
        assertThat(report.exemptReason()).isEqualTo("ACO_ALL_FQHC");
        assertThat(report.enforced()).isFalse();
        assertThat(report.providersSuppliers().excludedByReason()).containsEntry("ACO_ALL_FQHC", 1);
    }

    @Test
    void anAcoOutsideTheSharedSavingsProgramIsExemptAndNothingIsEnforced() {
        PublicReport report = report(
                clinician(1, 1, eligibility(ACO).excluded("NOT_MSSP"), null),
                clinician(2, 2, eligibility(ACO).excluded("NOT_MSSP", "REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(50, "GROUP")));

        assertThat(report.exempt()).isTrue();
        assertThat(report.exemptReason()).isEqualTo("NOT_MSSP");
        assertThat(report.enforced()).isFalse();
        assertThat(report.providersSuppliers().excludedVoluntarilyReported()).isZero();
    }

    @Test
    void anAcoWithOneNonFqhcParticipantIsNotExempt() {
        PublicReport report = report(
                clinician(1, 1, eligibility(ACO).excluded("ACO_ALL_FQHC"), null),
                clinician(2, 2, eligibility(ACO), null));

        assertThat(report.exempt()).isFalse();
        assertThat(report.exemptReason()).isNull();
    }

    @Test
    void py2025IsNotEnforced() {
        AcoYear py2025 = new AcoYear(ACO, 2025);
        Participant required = participant(2025, tin(1), npi(1), eligibility(ACO).notEnforced(), score(ACO).scored(80, "GROUP"));

        assertThat(PublicReportCalculator.compute(py2025, List.of(required), null).enforced()).isFalse();
        assertThat(PublicReportCalculator.compute(py2025, List.of(), null).enforced()).isFalse();
        assertThat(PublicReportCalculator.compute(PY2026, List.of(), null).enforced()).isTrue();
        assertThat(report(clinician(1, 1, eligibility(ACO), null)).enforced()).isTrue();
    }

    @Test
    void anEmptyAcoHasZeroCounts() {
        PublicReport report = report();

        assertThat(report.providersSuppliers().activeRoster()).isZero();
        assertThat(report.participants().earnedPiScore()).isZero();
        assertThat(report.exempt()).isFalse();
        assertThat(report.asOf()).isNull();
    }

    @Test
    void carriesTheApmEntityScoreAndTheVersionsItWasComputedFrom() {
        ApmEntityScoreSummary apm = new ApmEntityScoreSummary(ACO, 2026, "ROLLED_UP", 55.0, 20, 15, 2, null,
                "(80*10+60*5+0*5)/20", List.of(), "acopi-pi-rules/2026.1",
                new SourceVersion("acopi.apm-entity-scores.v1", 1, 42, Fixtures.T0.plusSeconds(5000)));
        List<Participant> participants = new ArrayList<>();
        participants.add(clinician(1, 1, eligibility(ACO).offset(7), score(ACO).scored(80, "GROUP").offset(3)));
        participants.add(clinician(1, 2, eligibility(ACO).offset(9).partition(2), null));

        PublicReport report = PublicReportCalculator.compute(PY2026, participants, apm);

        assertThat(report.apmEntityScore()).isEqualTo(apm);
        assertThat(report.asOf()).isEqualTo(Fixtures.T0.plusSeconds(5000));
        assertThat(report.computedFrom().participantDocuments()).isEqualTo(2);
        assertThat(report.computedFrom().offsets()).containsExactly(
                new ComputedFrom.OffsetWatermark("acopi.clinician-scores.v1", 0, 3),
                new ComputedFrom.OffsetWatermark("acopi.participant-eligibility.v1", 0, 7),
                new ComputedFrom.OffsetWatermark("acopi.participant-eligibility.v1", 2, 9));
        assertThat(report.computedFrom().apmEntityScore()).isEqualTo(apm.version());
        assertThat(report.computedFrom().countingRulesVersion()).isEqualTo("acopi-public-reporting/2026.3");
        assertThat(report.computedFrom().eligibilityRulesVersions()).containsExactly("acopi-pi-rules/2026.1");
    }

    @Test
    void isAPureFunctionOfItsInputs() {
        List<Participant> participants = List.of(
                clinician(1, 1, eligibility(ACO), score(ACO).scored(80, "GROUP")),
                clinician(2, 2, eligibility(ACO).excluded("REWEIGHT_SMALL_PRACTICE"), score(ACO).scored(10, "GROUP")));
        List<Participant> reversed = new ArrayList<>(participants);
        java.util.Collections.reverse(reversed);

        assertThat(PublicReportCalculator.compute(PY2026, reversed, null))
                .isEqualTo(PublicReportCalculator.compute(PY2026, participants, null));
    }
}
