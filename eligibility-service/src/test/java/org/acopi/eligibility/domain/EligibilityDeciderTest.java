package org.acopi.eligibility.domain;

import static org.acopi.eligibility.Fixtures.NPI_2;
import static org.acopi.eligibility.Fixtures.T0;
import static org.acopi.eligibility.Fixtures.aco;
import static org.acopi.eligibility.Fixtures.facts;
import static org.acopi.eligibility.Fixtures.hardship;
import static org.acopi.eligibility.Fixtures.roster;
import static org.acopi.eligibility.Fixtures.tinHardship;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipStatus;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.Program;
import org.acopi.events.QpStatus;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.SpecialStatus;
import org.acopi.events.Track;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The eligibility cases E1-E13 of docs/pi-rules.md §9 and the rows and decisions of §7.3, §11.1 and §11.4. */
class EligibilityDeciderTest {

    static final EligibilityRules RULES = EligibilityRules.load();
    static final EligibilityDecider DECIDER = new EligibilityDecider(RULES);

    static ParticipantEligibility decide(AcoProfile aco, RosterEntry roster, ClinicianFacts facts, HardshipDecision... hardships) {
        return DECIDER.decide(new EligibilityInputs(aco, RosterPosition.of(roster, 3), facts, null, List.of(hardships)));
    }

    static ParticipantEligibility decide2026(ClinicianFacts facts, HardshipDecision... hardships) {
        return decide(aco(2026).build(), roster(2026).build(), facts, hardships);
    }

    static void assertDetermination(ParticipantEligibility e, boolean ssp, boolean enforced, boolean mips, String... codes) {
        assertThat(e.getSspRequired()).as("sspRequired").isEqualTo(ssp);
        assertThat(e.getSspEnforced()).as("sspEnforced").isEqualTo(enforced);
        assertThat(e.getMipsPiRequired()).as("mipsPiRequired").isEqualTo(mips);
        assertThat(e.getReasonCodes()).as("reason codes").containsExactly(codes);
        assertThat(e.getRosterStatus()).isEqualTo(RosterStatus.ACTIVE);
    }

    @Nested
    class WorkedCases {

        @Test
        void e01_physicianOnSnapshot3AboveLvtNotQpIsRequiredAndEnforced() {
            ParticipantEligibility e = decide2026(facts(2026).build());
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.NONE);
            assertThat(e.getFactsKnown()).isTrue();
            assertThat(e.getRulesVersion()).isEqualTo("acopi-eligibility-rules/2026.2");
            assertThat(e.getExplanation()).contains("must report").contains("REQUIRED").contains("MIPS PI required: yes")
                    .doesNotContain(org.acopi.eligibility.Fixtures.TIN);
        }

        @Test
        void e02_qpAboveLvtMustReportForSspButNotMips() {
            ParticipantEligibility e = decide2026(facts(2026).setQpStatus(QpStatus.QP).build());
            assertDetermination(e, true, true, false, ReasonCodes.QP_SSP_ONLY);
            assertThat(e.getQpStatus()).isEqualTo(QpStatus.QP);
        }

        @Test
        void e03_partialQpWithoutMipsElectionMustReportForSspButNotMips() {
            ParticipantEligibility e = decide2026(facts(2026).setQpStatus(QpStatus.PARTIAL_QP).setPartialQpElectsMips(false).build());
            assertDetermination(e, true, true, false, ReasonCodes.PARTIAL_QP_SSP);
        }

        @Test
        void e04_nursePractitionerBelowLvtWhoIsAlsoQpIsExcluded() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setClinicianType("NURSE_PRACTITIONER").build(),
                    facts(2026).setExceedsLowVolumeThreshold(false).setMipsEligible(false).setQpStatus(QpStatus.QP).build());
            assertDetermination(e, false, false, false, ReasonCodes.BELOW_LVT);
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.NONE);
        }

        @Test
        void e05_marriageAndFamilyTherapistIsNotAMipsEligibleClinicianType() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setClinicianType("MARRIAGE_FAMILY_THERAPIST").build(),
                    facts(2026).setMipsEligible(false).build());
            assertDetermination(e, false, false, false, ReasonCodes.NOT_MIPS_EC_TYPE);
        }

        @Test
        void e06_tinBillingOnlyAsFqhcIsNotAMipsEligibleClinician() {
            ParticipantEligibility e = decide2026(facts(2026).setFqhcRhcOnly(true).setMipsEligible(false).build());
            assertDetermination(e, false, false, false, ReasonCodes.FQHC_RHC_NOT_MIPS_EC);
        }

        @Test
        void e07_smallPracticeTinOf12CliniciansHasPiReweightedAutomatically() {
            ParticipantEligibility e = decide2026(facts(2026).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build());
            // docs/pi-rules.md §9 abbreviates the code as REWEIGHT_SMALL; §7.3 row 5 names it REWEIGHT_<status>
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_SMALL_PRACTICE);
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);
        }

        @Test
        void e09_decertifiedEhrWithoutAnApplicationIsStillRequired() {
            assertDetermination(decide2026(facts(2026).build()), true, true, true, ReasonCodes.REQUIRED);
            // filed but not (yet) approved changes nothing either
            assertDetermination(decide2026(facts(2026).build(), hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).build()),
                    true, true, true, ReasonCodes.REQUIRED);
        }

        @ParameterizedTest
        @EnumSource(Track.class)
        void e11_py2025OnAnyTrackIsRequiredButNotEnforced(Track track) {
            ParticipantEligibility e = decide(aco(2025).setTrack(track).build(), roster(2025).build(), facts(2025).build());
            assertDetermination(e, true, false, true, ReasonCodes.REQUIRED);
            assertThat(e.getRulesVersion()).isEqualTo("acopi-eligibility-rules/2025.2");
            assertThat(e.getExplanation()).contains("does not enforce");
        }

        @Test
        void e12_tinJoinedInOctoberAfterSnapshot3IsNotSubjectButKeepsItsOwnMipsStatus() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setSnapshot(4).build(), facts(2026).setSnapshot(4).build());
            assertDetermination(e, false, false, true, ReasonCodes.NOT_IN_SNAPSHOT3);
        }

        @Test
        void e13_acoMadeUpOnlyOfFqhcsIsExempt() {
            ParticipantEligibility e = decide(aco(2026).setAllFqhcRhc(true).build(), roster(2026).build(),
                    facts(2026).setFqhcRhcOnly(true).setMipsEligible(false).build());
            assertDetermination(e, false, false, false, ReasonCodes.ACO_ALL_FQHC, ReasonCodes.FQHC_RHC_NOT_MIPS_EC);
        }

        @Test
        void e13_acoFlagAloneImpliesEveryParticipantBillsAsFqhc() {
            ParticipantEligibility e = decide(aco(2026).setAllFqhcRhc(true).build(), roster(2026).build(), facts(2026).build());
            assertDetermination(e, false, false, false, ReasonCodes.ACO_ALL_FQHC, ReasonCodes.FQHC_RHC_NOT_MIPS_EC);
        }
    }

    @Nested
    class ReweightingAndHardships {

        @ParameterizedTest
        @EnumSource(SpecialStatus.class)
        void everyAutomaticSpecialStatusReweightsPi(SpecialStatus status) {
            ParticipantEligibility e = decide2026(facts(2026).setSpecialStatuses(List.of(status)).build());
            assertDetermination(e, false, false, false, "REWEIGHT_" + status.name());
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);
        }

        @Test
        void automaticEucReweightsPi() {
            ParticipantEligibility e = decide2026(facts(2026).setAutomaticEuc(true).build());
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_AUTO_EUC);
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);
        }

        @ParameterizedTest
        @EnumSource(HardshipBasis.class)
        void approvedHardshipApplicationReweightsPiOnEveryBasis(HardshipBasis basis) {
            ParticipantEligibility e = decide2026(facts(2026).build(), hardship(2026, basis, HardshipStatus.APPROVED).build());
            assertDetermination(e, false, false, false, "REWEIGHT_APP_" + basis.name());
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.APPLICATION_APPROVED);
        }

        @Test
        void pendingAndDeniedHardshipsNeverExclude() {
            for (HardshipStatus status : List.of(HardshipStatus.PENDING, HardshipStatus.DENIED)) {
                assertDetermination(decide2026(facts(2026).build(),
                                hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, status).build(),
                                tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, status).build()),
                        true, true, true, ReasonCodes.REQUIRED);
            }
        }

        @Test
        void anApplicationOnAnotherBasisLeavesAnApprovalStanding() {
            ParticipantEligibility e = decide2026(facts(2026).build(),
                    hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).setEventId("h-1").build(),
                    hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).setEventId("h-2")
                            .setDecidedAt(T0.plusSeconds(60)).build());
            assertDetermination(e, false, false, false, "REWEIGHT_APP_INSUFFICIENT_INTERNET");
            assertThat(e.getInputVersions()).containsKeys("hardship." + org.acopi.eligibility.Fixtures.NPI + ".INSUFFICIENT_INTERNET",
                    "hardship." + org.acopi.eligibility.Fixtures.NPI + ".DECERTIFIED_EHR");
        }

        @Test
        void onlyTheNewestDecisionOnABasisCounts() {
            HardshipDecision approved = hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).build();
            HardshipDecision laterDenial = hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.DENIED)
                    .setDecidedAt(T0.plusSeconds(60)).build();
            assertDetermination(decide2026(facts(2026).build(), laterDenial, approved), true, true, true, ReasonCodes.REQUIRED);
            assertDetermination(decide2026(facts(2026).build(), approved, laterDenial), true, true, true, ReasonCodes.REQUIRED);
        }

        @Test
        void approvedWholeTinHardshipAppliesToEveryNpiOfTheTin() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026, NPI_2).build(), facts(2026, NPI_2).build(),
                    tinHardship(2026, HardshipBasis.CEHRT_NOT_AVAILABLE, HardshipStatus.APPROVED).build());
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_APP_PREFIX + "CEHRT_NOT_AVAILABLE");
        }

        @Test
        void anotherClinicianOfTheTinsIndividualHardshipDoesNotApply() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026, NPI_2).build(), facts(2026, NPI_2).build(),
                    hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
        }

        @Test
        void compromisedDataIsAnAutomaticReweightingBasisOnItsOwn() {
            // §7.3 row 9 and §11.4 item 8: the data are not scored and PI stays reweighted
            ParticipantEligibility e = decide2026(facts(2026).setDataCompromised(true).build());
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_DATA_COMPROMISED);
            assertThat(e.getDataCompromised()).isTrue();
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);
        }

        @Test
        void compromisedDataDecidesAheadOfEverySpecialStatusEucAndHardshipBasis() {
            // §11.4 item 8: a finding of compromised data presupposes submitted data, so it is the deciding reason of a
            // clinician that passes §7.3 rows 1-4, and the public counts file the clinician under it
            ParticipantEligibility e = decide2026(facts(2026).setDataCompromised(true).setAutomaticEuc(true)
                    .setSpecialStatuses(List.of(SpecialStatus.HOSPITAL_BASED)).build(),
                    hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_DATA_COMPROMISED, ReasonCodes.REWEIGHT_HOSPITAL_BASED,
                    ReasonCodes.REWEIGHT_AUTO_EUC, "REWEIGHT_APP_DECERTIFIED_EHR");
            assertThat(e.getDataCompromised()).isTrue();
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);
            assertThat(e.getExplanation()).contains("Deciding reason REWEIGHT_DATA_COMPROMISED")
                    .contains("42 CFR 414.1380(c)(2)(i)(C)");
        }

        @Test
        void reweightingIsTheKindOfTheDecidingCodeOnly() {
            ParticipantEligibility belowLvt = decide2026(facts(2026).setExceedsLowVolumeThreshold(false)
                    .setSpecialStatuses(List.of(SpecialStatus.ASC_BASED)).build());
            assertDetermination(belowLvt, false, false, false, ReasonCodes.BELOW_LVT, ReasonCodes.REWEIGHT_ASC_BASED);
            assertThat(belowLvt.getReweighting()).isEqualTo(ReweightingKind.NONE);

            ParticipantEligibility automaticFirst = decide2026(facts(2026).setSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build(),
                    hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
            assertDetermination(automaticFirst, false, false, false, ReasonCodes.REWEIGHT_SMALL_PRACTICE, "REWEIGHT_APP_DECERTIFIED_EHR");
            assertThat(automaticFirst.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);

            ParticipantEligibility applicationFirst = decide2026(facts(2026).setAutomaticEuc(false).build(),
                    hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
            assertDetermination(applicationFirst, false, false, false, "REWEIGHT_APP_DECERTIFIED_EHR");
            assertThat(applicationFirst.getReweighting()).isEqualTo(ReweightingKind.APPLICATION_APPROVED);
        }

        @Test
        void compromisedDataBehindANonReweightingExclusionIsNoReweighting() {
            ParticipantEligibility e = decide2026(facts(2026).setExceedsLowVolumeThreshold(false).setDataCompromised(true).build());
            assertDetermination(e, false, false, false, ReasonCodes.BELOW_LVT, ReasonCodes.REWEIGHT_DATA_COMPROMISED);
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.NONE);
            assertThat(e.getDataCompromised()).as("still said, for scoring not to use the data").isTrue();
        }

        @Test
        void tinLevelStatusFromAnotherNpiOfTheTinApplies() {
            ClinicianFacts tinFacts = facts(2026, NPI_2).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE))
                    .setAsOf(T0.plusSeconds(60)).build();
            ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(aco(2026).build(),
                    RosterPosition.of(roster(2026).build(), 3), facts(2026).build(), tinFacts, List.of()));
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_SMALL_PRACTICE);
            assertThat(e.getInputVersions()).containsKey("tinFacts");
        }

        @Test
        void newerTinLevelStatementWithdrawsAnOlderOne() {
            ClinicianFacts old = facts(2026, NPI_2).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build();
            ClinicianFacts own = facts(2026).setAsOf(T0.plusSeconds(60)).build();
            ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(aco(2026).build(),
                    RosterPosition.of(roster(2026).build(), 3), own, old, List.of()));
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
        }
    }

    @Nested
    class QualifyingApmParticipants {

        @Test
        void qpWhoIsNotAMipsEligibleTypeIsExcluded() {
            // §11.4 item 7: the "and not QP/Partial QP" of §7.3 row 3 does not apply
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setClinicianType("MENTAL_HEALTH_COUNSELOR").build(),
                    facts(2026).setQpStatus(QpStatus.QP).build());
            assertDetermination(e, false, false, false, ReasonCodes.NOT_MIPS_EC_TYPE);
        }

        @Test
        void qpWithAnAutomaticReweightingIsExcluded() {
            ParticipantEligibility e = decide2026(facts(2026).setQpStatus(QpStatus.QP)
                    .setSpecialStatuses(List.of(SpecialStatus.NON_PATIENT_FACING)).build());
            assertDetermination(e, false, false, false, ReasonCodes.REWEIGHT_NON_PATIENT_FACING);
        }

        @Test
        void qpReportedAsNotMipsEligibleByQppIsStillRequired() {
            // QP status makes QPP report "not MIPS eligible", and QP status alone never excludes (CMS FAQ)
            ParticipantEligibility e = decide2026(facts(2026).setQpStatus(QpStatus.QP).setMipsEligible(false).build());
            assertDetermination(e, true, true, false, ReasonCodes.QP_SSP_ONLY);
        }

        @Test
        void partialQpWhoElectedMipsMustReportPiForMipsToo() {
            ParticipantEligibility e = decide2026(facts(2026).setQpStatus(QpStatus.PARTIAL_QP).setPartialQpElectsMips(true).build());
            assertDetermination(e, true, true, true, ReasonCodes.PARTIAL_QP_SSP);
        }

        @Test
        void nonQpThatQppReportsAsNotMipsEligibleIsExcluded() {
            ParticipantEligibility e = decide2026(facts(2026).setMipsEligible(false).build());
            assertDetermination(e, false, false, false, ReasonCodes.NOT_MIPS_EC_TYPE);
        }
    }

    @Nested
    class ParticipationListAndAco {

        @Test
        void severalReasonsAreOrderedByPrecedenceAndTheFirstDecides() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setSnapshot(4).build(),
                    facts(2026).setExceedsLowVolumeThreshold(false).setSpecialStatuses(List.of(SpecialStatus.ASC_BASED)).build(),
                    hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).build());
            assertDetermination(e, false, false, false, ReasonCodes.NOT_IN_SNAPSHOT3, ReasonCodes.BELOW_LVT,
                    ReasonCodes.REWEIGHT_ASC_BASED, "REWEIGHT_APP_INSUFFICIENT_INTERNET");
            assertThat(e.getReweighting()).as("the deciding NOT_IN_SNAPSHOT3 is no reweighting").isEqualTo(ReweightingKind.NONE);
        }

        @Test
        void snapshot2ListStandsInUntilSnapshot3Arrives() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setSnapshot(2).build(), facts(2026).build());
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
        }

        @Test
        void clinicianOnSnapshot3ListStaysSubjectWhenSnapshot4ArrivesInAnyOrder() {
            RosterEntry s3 = roster(2026).build();
            RosterEntry s4 = roster(2026).setSnapshot(4).setRecordedAt(T0.plusSeconds(3600)).build();
            RosterPosition forward = RosterPosition.of(s3, 3).with(s4, 3);
            RosterPosition backward = RosterPosition.of(s4, 3).with(s3, 3);
            assertThat(forward).isEqualTo(backward);
            ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(aco(2026).build(), forward, facts(2026).build(), null, List.of()));
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
            assertThat(e.getSnapshot()).isEqualTo(4);
        }

        @Test
        void olderSnapshotArrivingLateChangesNothing() {
            RosterEntry s3 = roster(2026).setClinicianType("NURSE_PRACTITIONER").build();
            RosterEntry s2 = roster(2026).setSnapshot(2).setRecordedAt(T0.plusSeconds(99_999)).build();
            RosterPosition position = RosterPosition.of(s3, 3);
            assertThat(position.with(s2, 3)).isEqualTo(position);
        }

        @Test
        void removedRosterRecordWithdrawsTheDetermination() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setStatus(RosterStatus.REMOVED).build(), facts(2026).build());
            assertThat(e.getRosterStatus()).isEqualTo(RosterStatus.REMOVED);
            assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
            assertThat(e.getSspRequired()).isFalse();
            assertThat(e.getMipsPiRequired()).isFalse();
        }

        @Test
        void clinicianMovingToAnotherAcoAfterSnapshot3IsNotInThatAcosSnapshot3List() {
            RosterEntry inA = roster(2026).setAcoId("A1111").build();
            RosterEntry inB = roster(2026).setAcoId("B2222").setSnapshot(4).setRecordedAt(T0.plusSeconds(3600)).build();
            for (RosterPosition position : List.of(RosterPosition.of(inA, 3).with(inB, 3), RosterPosition.of(inB, 3).with(inA, 3))) {
                ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(null, position, facts(2026).build(), null, List.of()));
                assertDetermination(e, false, false, true, ReasonCodes.NOT_IN_SNAPSHOT3);
                assertThat(e.getAcoId()).isEqualTo("B2222");
                assertThat(e.getInputVersions().get("roster.decidingSnapshot")).startsWith("acoId=A1111;snapshot=3");
                assertThat(e.getExplanation()).contains("ACO A1111's, not this ACO's");
            }
        }

        @Test
        void clinicianMovingToAnotherAcoBeforeSnapshot3IsSubjectThere() {
            RosterPosition position = RosterPosition.of(roster(2026).setAcoId("A1111").setSnapshot(2).build(), 3)
                    .with(roster(2026).setAcoId("B2222").build(), 3);
            ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(null, position, facts(2026).build(), null, List.of()));
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
            assertThat(e.getAcoId()).isEqualTo("B2222");
        }

        @Test
        void removalAfterSnapshot3LeavesTheClinicianSubjectForThePy() {
            RosterEntry s3 = roster(2026).build();
            RosterEntry s4Removed = roster(2026).setSnapshot(4).setStatus(RosterStatus.REMOVED).setRecordedAt(T0.plusSeconds(3600)).build();
            RosterPosition position = RosterPosition.of(s4Removed, 3).with(s3, 3);
            ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(aco(2026).build(), position, facts(2026).build(), null, List.of()));
            assertDetermination(e, true, true, true, ReasonCodes.REQUIRED);
            assertThat(e.getSnapshot()).isEqualTo(4);
            assertThat(e.getInputVersions().get("roster")).contains("status=REMOVED");
            assertThat(e.getExplanation()).contains("removed from the list at snapshot 4, after the deciding snapshot 3")
                    .contains("does not withdraw the PY's determination");
        }

        @Test
        void removalAtOrBeforeSnapshot3Withdraws() {
            RosterPosition b8 = RosterPosition.of(roster(2026).setSnapshot(2).build(), 3)
                    .with(roster(2026).setStatus(RosterStatus.REMOVED).build(), 3);
            assertThat(DECIDER.decide(new EligibilityInputs(aco(2026).build(), b8, facts(2026).build(), null, List.of()))
                    .getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
        }

        @Test
        void removalAfterSnapshot3OfAClinicianNotOnThatListWithdraws() {
            RosterEntry s4Removed = roster(2026).setSnapshot(4).setStatus(RosterStatus.REMOVED).build();
            RosterPosition addedAndRemovedLate = RosterPosition.of(roster(2026).setSnapshot(4).setRecordedAt(T0.minusSeconds(60)).build(), 3)
                    .with(s4Removed, 3);
            RosterPosition removedFromAnotherAco = RosterPosition.of(roster(2026).setAcoId("A1111").build(), 3).with(s4Removed, 3);
            for (RosterPosition position : List.of(addedAndRemovedLate, removedFromAnotherAco)) {
                ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(aco(2026).build(), position, facts(2026).build(), null, List.of()));
                assertThat(e.getRosterStatus()).isEqualTo(RosterStatus.REMOVED);
                assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
            }
        }

        @Test
        void reachAcoIsNotSubjectToTheSspRequirement() {
            ParticipantEligibility e = decide(aco(2026).setProgram(Program.REACH).setTrack(null).build(), roster(2026).build(), facts(2026).build());
            assertDetermination(e, false, false, true, ReasonCodes.NOT_MSSP);
        }

        @Test
        void notMsspAndNotInSnapshot3KeepTheCliniciansOwnMipsStatus() {
            ParticipantEligibility reachQp = decide(aco(2026).setProgram(Program.REACH).setTrack(null).build(), roster(2026).build(),
                    facts(2026).setQpStatus(QpStatus.QP).build());
            assertDetermination(reachQp, false, false, false, ReasonCodes.NOT_MSSP);
            ParticipantEligibility lateElectingPartialQp = decide(aco(2026).build(), roster(2026).setSnapshot(4).build(),
                    facts(2026).setQpStatus(QpStatus.PARTIAL_QP).setPartialQpElectsMips(true).build());
            assertDetermination(lateElectingPartialQp, false, false, true, ReasonCodes.NOT_IN_SNAPSHOT3);
            ParticipantEligibility latePartialQp = decide(aco(2026).build(), roster(2026).setSnapshot(4).build(),
                    facts(2026).setQpStatus(QpStatus.PARTIAL_QP).build());
            assertDetermination(latePartialQp, false, false, false, ReasonCodes.NOT_IN_SNAPSHOT3);
        }

        @Test
        void withoutFactsTheClinicianIsPresumedRequiredAndMarkedPending() {
            ParticipantEligibility e = decide2026(null);
            assertDetermination(e, true, true, true, ReasonCodes.FACTS_PENDING);
            assertThat(e.getFactsKnown()).isFalse();
            assertThat(e.getQpStatus()).isNull();
            assertThat(e.getInputVersions()).containsEntry("facts", "none");
        }

        @Test
        void withoutFactsExclusionsThatNeedNoFactsStillApply() {
            ParticipantEligibility e = decide(aco(2026).build(), roster(2026).setClinicianType("MARRIAGE_FAMILY_THERAPIST").build(), null);
            assertDetermination(e, false, false, false, ReasonCodes.NOT_MIPS_EC_TYPE, ReasonCodes.FACTS_PENDING);
        }

        @Test
        void withoutAcoProfileTheDefaultEnforcementOfThePyApplies() {
            assertDetermination(decide(null, roster(2026).build(), facts(2026).build()), true, true, true, ReasonCodes.REQUIRED);
            ParticipantEligibility py2025 = decide(null, roster(2025).build(), facts(2025).build());
            assertDetermination(py2025, true, false, true, ReasonCodes.REQUIRED);
            assertThat(py2025.getInputVersions()).containsEntry("acoProfile", "none");
        }

        @Test
        void determinationCarriesTheVersionsOfItsInputs() {
            ParticipantEligibility e = decide2026(facts(2026).build(), hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.DENIED).build());
            assertThat(e.getInputVersions()).containsKeys("rules", "roster", "facts", "acoProfile")
                    .containsEntry("hardship." + org.acopi.eligibility.Fixtures.NPI + ".DECERTIFIED_EHR",
                            "status=DENIED;decidedAt=" + T0 + ";eventId=h-DENIED");
            assertThat(e.getInputVersions().get("roster")).contains("snapshot=3");
        }

        @Test
        void theCliniciansOwnFactsCarryTheVirtualGroupThroughWithoutChangingTheDecision() {
            ParticipantEligibility plain = decide2026(facts(2026).build());
            ParticipantEligibility grouped = decide2026(facts(2026).setVirtualGroupId("VG-123").build());

            assertThat(grouped.getVirtualGroupId()).isEqualTo("VG-123");
            assertThat(grouped.getExplanation()).contains("; TIN in virtual group VG-123");
            assertThat(grouped).usingRecursiveComparison().ignoringFields("virtualGroupId", "explanation").isEqualTo(plain);
            assertThat(plain.getVirtualGroupId()).isNull();
            assertThat(plain.getExplanation()).doesNotContain("virtual group");
            assertThat(decide2026(null).getVirtualGroupId()).as("no facts").isNull();
        }

        @Test
        void anotherNpisTinStatementDoesNotLendItsVirtualGroup() {
            ParticipantEligibility e = DECIDER.decide(new EligibilityInputs(aco(2026).build(), RosterPosition.of(roster(2026).build(), 3),
                    facts(2026).build(), facts(2026, NPI_2).setAsOf(T0.plusSeconds(60)).setVirtualGroupId("VG-9").build(), List.of()));
            assertThat(e.getVirtualGroupId()).isNull();
        }
    }
}
