package org.acopi.eligibility.stream;

import static org.acopi.eligibility.Fixtures.ACO;
import static org.acopi.eligibility.Fixtures.NPI;
import static org.acopi.eligibility.Fixtures.NPI_2;
import static org.acopi.eligibility.Fixtures.OTHER_TIN;
import static org.acopi.eligibility.Fixtures.T0;
import static org.acopi.eligibility.Fixtures.TIN;
import static org.acopi.eligibility.Fixtures.aco;
import static org.acopi.eligibility.Fixtures.facts;
import static org.acopi.eligibility.Fixtures.hardship;
import static org.acopi.eligibility.Fixtures.key;
import static org.acopi.eligibility.Fixtures.roster;
import static org.acopi.eligibility.Fixtures.tinHardship;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.ReasonCodes;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipBasis;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipStatus;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.ReweightingKind;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.events.SpecialStatus;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.streams.StreamsSettings;
import org.acopi.support.test.TopologySnapshots;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every update path of the eligibility topology (issue 5, item 2), with TopologyTestDriver. */
class EligibilityTopologyTest {

    static final EligibilityRules RULES = EligibilityRules.load();

    TopologyTestDriver driver;
    TestInputTopic<String, AcoProfile> acoProfiles;
    TestInputTopic<String, RosterEntry> roster;
    TestInputTopic<String, ClinicianFacts> facts;
    TestInputTopic<String, HardshipDecision> hardships;
    TestOutputTopic<String, ParticipantEligibility> eligibility;

    @BeforeEach
    void start() {
        Properties settings = StreamsSettings.forTests("acopi-eligibility");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, "target/streams-state/ttd-" + UUID.randomUUID());
        driver = new TopologyTestDriver(EligibilityTopology.build(RULES, 1), settings);
        acoProfiles = input(Topics.ACO_PROFILES);
        roster = input(Topics.ROSTER);
        facts = input(Topics.CLINICIAN_FACTS);
        hardships = input(Topics.HARDSHIPS);
        eligibility = driver.createOutputTopic(Topics.PARTICIPANT_ELIGIBILITY.name(), new StringDeserializer(),
                Topics.PARTICIPANT_ELIGIBILITY.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    void send(AcoProfile profile) {
        acoProfiles.pipeInput(EventKeys.acoYear(profile.getAcoId(), profile.getPerformanceYear()), profile);
    }

    void send(RosterEntry entry) {
        roster.pipeInput(EventKeys.clinician(entry.getPerformanceYear(), entry.getTin(), entry.getNpi()), entry);
    }

    void send(ClinicianFacts value) {
        facts.pipeInput(EventKeys.clinician(value.getPerformanceYear(), value.getTin(), value.getNpi()), value);
    }

    void send(HardshipDecision decision) {
        hardships.pipeInput(decision.getNpi() == null ? EventKeys.wholeTin(decision.getPerformanceYear(), decision.getTin())
                : EventKeys.clinician(decision.getPerformanceYear(), decision.getTin(), decision.getNpi()), decision);
    }

    /** An ACO with one required clinician, output drained. */
    void requiredClinician() {
        send(aco(2026).build());
        send(roster(2026).build());
        send(facts(2026).build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
    }

    /** NPI and NPI_2 of one TIN, both required; their determinations already read. */
    void twoRequiredClinicians() {
        send(aco(2026).build());
        send(roster(2026, NPI).build());
        send(roster(2026, NPI_2).build());
        send(facts(2026, NPI).build());
        send(facts(2026, NPI_2).build());
        eligibility.readValuesToList();
    }

    Map<String, ParticipantEligibility> latest() {
        return eligibility.readKeyValuesToMap();
    }

    @Test
    void rosterWithoutFactsIsPendingUntilFactsArrive() {
        send(aco(2026).build());
        send(roster(2026).build());
        List<KeyValue<String, ParticipantEligibility>> pending = eligibility.readKeyValuesToList();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).key).isEqualTo(key(2026));
        assertThat(pending.get(0).value.getFactsKnown()).isFalse();
        assertThat(pending.get(0).value.getReasonCodes()).containsExactly(ReasonCodes.FACTS_PENDING);

        send(facts(2026).build());
        List<ParticipantEligibility> decided = eligibility.readValuesToList();
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).getFactsKnown()).isTrue();
        assertThat(decided.get(0).getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
        assertThat(decided.get(0).getSspEnforced()).isTrue();
    }

    @Test
    void factsAndClinicianWithoutRosterProduceNothing() {
        send(aco(2026).build());
        send(facts(2026).build());
        send(hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
        assertThat(eligibility.isEmpty()).isTrue();
    }

    @Test
    void factsAndHardshipsSentBeforeTheRosterAreUsedWhenItArrives() {
        send(aco(2026).build());
        send(facts(2026).setQpStatus(org.acopi.events.QpStatus.PARTIAL_QP).build());
        send(hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.DENIED).build());
        assertThat(eligibility.isEmpty()).isTrue();

        send(roster(2026).build());
        ParticipantEligibility e = eligibility.readValuesToList().stream().reduce((a, b) -> b).orElseThrow();
        assertThat(e.getFactsKnown()).isTrue();
        assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.PARTIAL_QP_SSP);
        assertThat(e.getInputVersions()).containsEntry("facts", "snapshot=3;asOf=" + T0)
                .containsKey("hardship." + NPI + ".DECERTIFIED_EHR");
    }

    @Test
    void acoProfileArrivingAfterTheRosterReplacesTheDefaultAssumption() {
        send(roster(2026).build());
        send(facts(2026).build());
        ParticipantEligibility assumed = latest().get(key(2026));
        assertThat(assumed.getInputVersions()).containsEntry("acoProfile", "none");
        assertThat(assumed.getExplanation()).contains("no ACO profile yet");

        send(aco(2026).setProgram(org.acopi.events.Program.REACH).setTrack(null).build());
        List<ParticipantEligibility> replaced = eligibility.readValuesToList();
        assertThat(replaced).singleElement().satisfies(e -> {
            assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.NOT_MSSP);
            assertThat(e.getInputVersions()).containsEntry("acoProfile", "updatedAt=" + T0);
            assertThat(e.getExplanation()).doesNotContain("no ACO profile yet");
        });
    }

    @Test
    void laterSnapshotSupersedesAnEarlierOne() {
        send(aco(2026).build());
        send(roster(2026).setSnapshot(2).build());
        send(facts(2026).setSnapshot(2).setExceedsLowVolumeThreshold(false).build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly(ReasonCodes.BELOW_LVT);

        send(facts(2026).setSnapshot(3).setAsOf(T0.minusSeconds(3600)).build());
        ParticipantEligibility now = latest().get(key(2026));
        assertThat(now.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
        assertThat(now.getInputVersions().get("facts")).startsWith("snapshot=3");
    }

    @Test
    void olderSnapshotArrivingLateChangesNothing() {
        requiredClinician();
        send(facts(2026).setSnapshot(2).setAsOf(T0.plusSeconds(86_400)).setExceedsLowVolumeThreshold(false).build());
        send(roster(2026).setSnapshot(1).setRecordedAt(T0.plusSeconds(86_400)).setStatus(RosterStatus.REMOVED).build());
        assertThat(eligibility.isEmpty()).isTrue();
    }

    @Test
    void clinicianAddedAfterSnapshot3IsNotSubject() {
        send(aco(2026).build());
        send(roster(2026).setSnapshot(4).build());
        send(facts(2026).setSnapshot(4).build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly(ReasonCodes.NOT_IN_SNAPSHOT3);
    }

    @Test
    void hardshipMovingFromPendingToApprovedExcludes() {
        requiredClinician();
        send(hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).build());
        List<ParticipantEligibility> pending = eligibility.readValuesToList();
        assertThat(pending).as("a new input is published, but a pending application does not exclude").singleElement()
                .satisfies(e -> {
                    assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
                    assertThat(e.getInputVersions().get("hardship." + NPI + ".DECERTIFIED_EHR")).startsWith("status=PENDING");
                });

        send(hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).setEventId("h-2")
                .setDecidedAt(T0.plusSeconds(600)).build());
        ParticipantEligibility approved = latest().get(key(2026));
        assertThat(approved.getReasonCodes()).containsExactly("REWEIGHT_APP_DECERTIFIED_EHR");
        assertThat(approved.getReweighting()).isEqualTo(ReweightingKind.APPLICATION_APPROVED);
        assertThat(approved.getSspRequired()).isFalse();
    }

    @Test
    void hardshipMovingFromPendingToDeniedIsPublishedAndKeepsTheClinicianRequired() {
        requiredClinician();
        send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.PENDING).build());
        send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.DENIED).setDecidedAt(T0.plusSeconds(600)).build());
        assertThat(eligibility.readValuesToList()).extracting(e -> e.getInputVersions().get("hardship." + NPI + ".INSUFFICIENT_INTERNET"))
                .as("the issue: a determination whenever any input changes, PENDING -> DENIED included")
                .containsExactly("status=PENDING;decidedAt=" + T0 + ";eventId=h-PENDING",
                        "status=DENIED;decidedAt=" + T0.plusSeconds(600) + ";eventId=h-DENIED");
        // an approval later reversed by a denial is taken back
        send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).setDecidedAt(T0.plusSeconds(700)).build());
        send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.DENIED).setDecidedAt(T0.plusSeconds(800)).build());
        assertThat(eligibility.readValuesToList()).extracting(e -> e.getReasonCodes().get(0))
                .containsExactly("REWEIGHT_APP_INSUFFICIENT_INTERNET", ReasonCodes.REQUIRED);
    }

    @Test
    void anApplicationOnAnotherBasisLeavesAnApprovalStanding() {
        requiredClinician();
        send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).setEventId("h-1").build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly("REWEIGHT_APP_INSUFFICIENT_INTERNET");

        send(hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).setEventId("h-2")
                .setDecidedAt(T0.plusSeconds(600)).build());
        assertThat(eligibility.readValuesToList()).singleElement().satisfies(e -> {
            assertThat(e.getReasonCodes()).containsExactly("REWEIGHT_APP_INSUFFICIENT_INTERNET");
            assertThat(e.getInputVersions()).containsKeys("hardship." + NPI + ".INSUFFICIENT_INTERNET",
                    "hardship." + NPI + ".DECERTIFIED_EHR");
        });
    }

    @Test
    void rosterRemovalPublishesARemovedDetermination() {
        requiredClinician();
        send(roster(2026).setStatus(RosterStatus.REMOVED).setRecordedAt(T0.plusSeconds(60)).build());
        ParticipantEligibility removed = latest().get(key(2026));
        assertThat(removed.getRosterStatus()).isEqualTo(RosterStatus.REMOVED);
        assertThat(removed.getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
        assertThat(removed.getSspRequired()).isFalse();
    }

    @Test
    void clinicianMovingToAnotherAcoAfterSnapshot3IsNotInThatAcosSnapshot3List() {
        send(aco(2026).build());
        send(aco(2026).setAcoId("B5678").setUpdatedAt(T0.plusSeconds(5)).build());
        send(roster(2026).build());
        send(facts(2026).build());
        assertThat(latest().get(key(2026)).getAcoId()).isEqualTo(ACO);

        send(roster(2026).setAcoId("B5678").setSnapshot(4).setEventId("r-b-4").setRecordedAt(T0.plusSeconds(3600)).build());
        ParticipantEligibility moved = latest().get(key(2026));
        assertThat(moved.getAcoId()).isEqualTo("B5678");
        assertThat(moved.getReasonCodes()).containsExactly(ReasonCodes.NOT_IN_SNAPSHOT3);
        assertThat(moved.getSspRequired()).isFalse();
        assertThat(moved.getInputVersions()).as("ACO B's profile is joined").containsEntry("acoProfile", "updatedAt=" + T0.plusSeconds(5));
        assertThat(moved.getExplanation()).contains("ACO " + ACO + "'s, not this ACO's");
    }

    @Test
    void clinicianMovingToAnotherAcoIsDecidedAlikeInEitherArrivalOrder() {
        send(aco(2026).build());
        send(facts(2026).build());
        send(roster(2026).setAcoId("B5678").setSnapshot(4).setEventId("r-b-4").setRecordedAt(T0.plusSeconds(3600)).build());
        send(roster(2026).build());
        ParticipantEligibility moved = latest().get(key(2026));
        assertThat(moved.getAcoId()).isEqualTo("B5678");
        assertThat(moved.getReasonCodes()).containsExactly(ReasonCodes.NOT_IN_SNAPSHOT3);
        assertThat(moved.getInputVersions()).containsEntry("acoProfile", "none");
    }

    @Test
    void removalAtSnapshot3AfterAnActiveSnapshot2Withdraws() {
        send(aco(2026).build());
        send(roster(2026).setSnapshot(2).setEventId("r-2").build());
        send(facts(2026).build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);

        send(roster(2026).setStatus(RosterStatus.REMOVED).setEventId("r-3").build());
        ParticipantEligibility removed = latest().get(key(2026));
        assertThat(removed.getRosterStatus()).isEqualTo(RosterStatus.REMOVED);
        assertThat(removed.getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
    }

    @Test
    void removalAtSnapshot4LeavesTheSnapshot3ClinicianSubject() {
        requiredClinician();
        send(roster(2026).setSnapshot(4).setStatus(RosterStatus.REMOVED).setEventId("r-4").setRecordedAt(T0.plusSeconds(3600)).build());
        ParticipantEligibility stays = latest().get(key(2026));
        assertThat(stays.getRosterStatus()).isEqualTo(RosterStatus.ACTIVE);
        assertThat(stays.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
        assertThat(stays.getSnapshot()).isEqualTo(4);
        assertThat(stays.getInputVersions().get("roster")).contains("snapshot=4;status=REMOVED");

        // a correction putting it back on the snapshot-3 list as REMOVED withdraws it
        send(roster(2026).setStatus(RosterStatus.REMOVED).setEventId("r-3b").setRecordedAt(T0.plusSeconds(7200)).build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly(ReasonCodes.ROSTER_REMOVED);
    }

    @Test
    void tinLevelStatusAppliesToEveryNpiOfTheTin() {
        twoRequiredClinicians();

        // QPP reports the TIN as a small practice on one NPI's facts only
        send(facts(2026, NPI_2).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).setAsOf(T0.plusSeconds(60)).build());
        Map<String, ParticipantEligibility> updated = latest();
        assertThat(updated).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
        assertThat(updated.values()).allSatisfy(e -> {
            assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REWEIGHT_SMALL_PRACTICE);
            assertThat(e.getReweighting()).isEqualTo(ReweightingKind.AUTOMATIC);
        });
    }

    @Test
    void theTinsNewestFactsRecordDecidesItsStatusesEvenWhenEmpty() {
        send(aco(2026).build());
        send(roster(2026, NPI).build());
        send(roster(2026, NPI_2).build());
        send(facts(2026, NPI).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build());
        send(facts(2026, NPI_2).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build());
        assertThat(latest().values()).allSatisfy(e -> assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REWEIGHT_SMALL_PRACTICE));

        // every record states the TIN's current statuses: a newer one of NPI_2 without them clears them for NPI too
        send(facts(2026, NPI_2).setAsOf(T0.plusSeconds(60)).build());
        Map<String, ParticipantEligibility> updated = latest();
        assertThat(updated).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
        assertThat(updated.values()).allSatisfy(e -> assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED));

        // an NPI's own record older than the TIN's newest statement does not restore SMALL_PRACTICE
        send(facts(2026, NPI).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).setAsOf(T0.plusSeconds(30)).build());
        assertThat(eligibility.readValuesToList()).as("NPI's own newer facts only").singleElement().satisfies(e -> {
            assertThat(e.getNpi()).isEqualTo(NPI);
            assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
        });
    }

    @Test
    void wholeTinHardshipAppliesToEveryNpiOfTheTin() {
        twoRequiredClinicians();

        send(tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.APPROVED).build());
        Map<String, ParticipantEligibility> updated = latest();
        assertThat(updated).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
        assertThat(updated.values()).allSatisfy(e ->
                assertThat(e.getReasonCodes()).containsExactly("REWEIGHT_APP_EXTREME_UNCONTROLLABLE"));
    }

    @Test
    void approvedWholeTinHardshipAppliesDespiteTheNpisOwnDenial() {
        requiredClinician();
        send(hardship(2026, HardshipBasis.CEHRT_NOT_AVAILABLE, HardshipStatus.DENIED).build());
        send(tinHardship(2026, HardshipBasis.CEHRT_NOT_AVAILABLE, HardshipStatus.APPROVED).setDecidedAt(T0.minusSeconds(60)).build());
        ParticipantEligibility e = eligibility.readValuesToList().stream().reduce((a, b) -> b).orElseThrow();
        assertThat(e.getReasonCodes()).containsExactly("REWEIGHT_APP_CEHRT_NOT_AVAILABLE");
        assertThat(e.getReweighting()).isEqualTo(ReweightingKind.APPLICATION_APPROVED);
        assertThat(e.getInputVersions()).containsKeys("hardship." + NPI + ".CEHRT_NOT_AVAILABLE", "hardship.*.CEHRT_NOT_AVAILABLE");
    }

    @Test
    void approvedBasesAtTinAndNpiLevelAreAllListed() {
        requiredClinician();
        send(tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.APPROVED).build());
        send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.APPROVED).build());
        ParticipantEligibility e = eligibility.readValuesToList().stream().reduce((a, b) -> b).orElseThrow();
        assertThat(e.getReasonCodes()).containsExactly("REWEIGHT_APP_INSUFFICIENT_INTERNET", "REWEIGHT_APP_EXTREME_UNCONTROLLABLE");
        assertThat(e.getReweighting()).isEqualTo(ReweightingKind.APPLICATION_APPROVED);
    }

    @Test
    void wholeTinHardshipNamingTheNpiAsStarApplies() {
        twoRequiredClinicians();

        HardshipDecision star = tinHardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).setNpi(EventKeys.WHOLE_TIN).build();
        hardships.pipeInput(EventKeys.wholeTin(2026, TIN), star);
        Map<String, ParticipantEligibility> updated = latest();
        assertThat(updated).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
        assertThat(updated.values()).allSatisfy(e -> {
            assertThat(e.getReasonCodes()).containsExactly("REWEIGHT_APP_DECERTIFIED_EHR");
            assertThat(e.getInputVersions()).containsKey("hardship.*.DECERTIFIED_EHR");
        });
    }

    @Test
    void allFqhcAcoProfileReevaluatesEveryClinicianOfTheAco() {
        send(aco(2026).build());
        send(roster(2026, NPI).build());
        send(roster(2026, NPI_2).build());
        send(facts(2026, NPI).build());
        send(facts(2026, NPI_2).setQpStatus(org.acopi.events.QpStatus.QP).build());
        eligibility.readValuesToList();

        send(aco(2026).setAllFqhcRhc(true).setUpdatedAt(T0.plusSeconds(60)).build());
        Map<String, ParticipantEligibility> updated = latest();
        assertThat(updated).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
        assertThat(updated.values()).allSatisfy(e -> {
            assertThat(e.getReasonCodes().get(0)).isEqualTo(ReasonCodes.ACO_ALL_FQHC);
            assertThat(e.getSspRequired()).isFalse();
        });

        // an older profile arriving late changes nothing
        send(aco(2026).setAllFqhcRhc(false).setUpdatedAt(T0.plusSeconds(30)).build());
        assertThat(eligibility.isEmpty()).isTrue();
    }

    @Test
    void py2025DeterminationIsRequiredButNotEnforcedOnEveryTrack() {
        send(aco(2025).setTrack(org.acopi.events.Track.BASIC_E).build());
        send(roster(2025).build());
        send(facts(2025).build());
        ParticipantEligibility e = latest().get(key(2025));
        assertThat(e.getSspRequired()).isTrue();
        assertThat(e.getSspEnforced()).isFalse();
        assertThat(e.getRulesVersion()).isEqualTo("acopi-eligibility-rules/2025.2");
    }

    @Test
    void duplicatesAndReplaysProduceNoNewDetermination() {
        AcoProfile profile = aco(2026).build();
        RosterEntry entry = roster(2026).build();
        ClinicianFacts value = facts(2026).build();
        HardshipDecision pending = hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.PENDING).build();
        send(profile);
        send(entry);
        send(value);
        send(pending);
        eligibility.readValuesToList();

        for (int i = 0; i < 3; i++) {
            send(profile);
            send(entry);
            send(value);
            send(pending);
        }
        assertThat(eligibility.isEmpty()).as("exact duplicates rebuild identical records").isTrue();

        // a newer facts record with the same content is a new input version, published once
        send(facts(2026).setAsOf(T0.plusSeconds(60)).build());
        assertThat(eligibility.readValuesToList()).singleElement().satisfies(e -> {
            assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
            assertThat(e.getInputVersions().get("facts")).isEqualTo("snapshot=3;asOf=" + T0.plusSeconds(60));
        });
    }

    @Test
    void otherNpisOfTheTinStatingTheSameReleaseRepublishNothing() {
        send(aco(2026).build());
        send(roster(2026, NPI).build());
        send(roster(2026, NPI_2).build());
        send(facts(2026, NPI).build());
        assertThat(latest()).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));

        send(facts(2026, NPI_2).setAsOf(T0.plusSeconds(5)).build());
        assertThat(eligibility.readValuesToList()).as("only NPI_2's own determination").singleElement()
                .satisfies(e -> assertThat(e.getNpi()).isEqualTo(NPI_2));
    }

    @Test
    void badRecordsGoToTheInputTopicsDeadLetterTopicAndProcessingGoesOn() {
        TestInputTopic<String, byte[]> rawRoster = driver.createInputTopic(Topics.ROSTER.name(), new StringSerializer(),
                new ByteArraySerializer());
        TestOutputTopic<String, byte[]> rosterDlt = driver.createOutputTopic(Topics.ROSTER.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<String, byte[]> factsDlt = driver.createOutputTopic(Topics.CLINICIAN_FACTS.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<String, byte[]> hardshipsDlt = driver.createOutputTopic(Topics.HARDSHIPS.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<String, byte[]> acoDlt = driver.createOutputTopic(Topics.ACO_PROFILES.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());

        rawRoster.pipeInput(key(2026), "not avro".getBytes(StandardCharsets.UTF_8));
        RosterEntry badTin = roster(2026).setTin("12345678X").build();
        roster.pipeInput(key(2026), badTin);
        roster.pipeInput(key(2025), roster(2026).build());
        roster.pipeInput(EventKeys.clinician(2024, TIN, NPI), roster(2024).build());
        roster.pipeInput(key(2026), roster(2026).setClinicianType("ASTROLOGER").build());
        roster.pipeInput(key(2026), (RosterEntry) null);
        facts.pipeInput(key(2026), facts(2026).setNpi("1234567890").build());
        hardships.pipeInput(key(2026), tinHardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
        acoProfiles.pipeInput("A9999:2026", aco(2026).build());

        assertThat(rosterDlt.readRecordsToList()).extracting(r -> header(r, DeadLetters.REASON_HEADER))
                .containsExactly("UNDECODABLE_HEADER", "INVALID_TIN", "KEY_MISMATCH", "UNSUPPORTED_PY", "UNKNOWN_CLINICIAN_TYPE",
                        "MISSING_VALUE");
        assertThat(factsDlt.readRecordsToList()).extracting(r -> header(r, DeadLetters.REASON_HEADER)).containsExactly("INVALID_NPI");
        assertThat(hardshipsDlt.readRecordsToList()).extracting(r -> header(r, DeadLetters.REASON_HEADER)).containsExactly("KEY_MISMATCH");
        TestRecord<String, byte[]> acoDead = acoDlt.readRecord();
        assertThat(header(acoDead, DeadLetters.REASON_HEADER)).isEqualTo("KEY_MISMATCH");
        assertThat(header(acoDead, DeadLetters.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.ACO_PROFILES.name());
        assertThat(eligibility.isEmpty()).isTrue();

        requiredClinician();
    }

    @Test
    void hardshipWithAnUnknownBasisSymbolIsDeadLetteredAndProcessingGoesOn() throws IOException {
        TestInputTopic<String, byte[]> rawHardships = driver.createInputTopic(Topics.HARDSHIPS.name(), new StringSerializer(),
                new ByteArraySerializer());
        TestOutputTopic<String, byte[]> hardshipsDlt = driver.createOutputTopic(Topics.HARDSHIPS.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        Schema newer = new Schema.Parser().parse(HardshipDecision.getClassSchema().toString()
                .replace("\"DECERTIFIED_EHR\"]", "\"DECERTIFIED_EHR\",\"SOLAR_FLARE\"]"));
        GenericRecord solarFlare = new GenericData.Record(newer);
        solarFlare.put("eventId", "h-solar");
        solarFlare.put("performanceYear", 2026);
        solarFlare.put("tin", TIN);
        solarFlare.put("npi", NPI);
        solarFlare.put("level", new GenericData.EnumSymbol(newer.getField("level").schema(), "INDIVIDUAL"));
        solarFlare.put("basis", new GenericData.EnumSymbol(newer.getField("basis").schema(), "SOLAR_FLARE"));
        solarFlare.put("status", new GenericData.EnumSymbol(newer.getField("status").schema(), "APPROVED"));
        solarFlare.put("decidedAt", T0.toEpochMilli());

        // written by a producer on a schema version acopi does not know (its own fingerprint)
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(solarFlare);
        byte[] newerSchemaBytes = new byte[encoded.remaining()];
        encoded.get(newerSchemaBytes);
        // or claiming the current schema's fingerprint with a symbol index the current schema does not have
        byte[] currentHeader = Arrays.copyOf(Topics.HARDSHIPS.valueSerde().serializer().serialize(Topics.HARDSHIPS.name(),
                hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build()), 10);
        byte[] outOfRangeSymbol = concat(currentHeader, Arrays.copyOfRange(newerSchemaBytes, 10, newerSchemaBytes.length));

        rawHardships.pipeInput(key(2026), newerSchemaBytes);
        rawHardships.pipeInput(key(2026), outOfRangeSymbol);

        List<TestRecord<String, byte[]>> dead = hardshipsDlt.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON_HEADER)).containsExactly("UNKNOWN_SCHEMA_VERSION", "UNDECODABLE_BODY");
        assertThat(dead).extracting(TestRecord::value).containsExactly(newerSchemaBytes, outOfRangeSymbol);
        assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetters.ORIGINAL_TOPIC_HEADER)).isEqualTo(Topics.HARDSHIPS.name()));
        assertThat(eligibility.isEmpty()).isTrue();

        requiredClinician();
        send(hardship(2026, HardshipBasis.DECERTIFIED_EHR, HardshipStatus.APPROVED).build());
        assertThat(latest().get(key(2026)).getReasonCodes()).containsExactly("REWEIGHT_APP_DECERTIFIED_EHR");
    }

    static byte[] concat(byte[] first, byte[] second) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        out.write(second);
        return out.toByteArray();
    }

    @Test
    void factsWithAVirtualGroupYieldADeterminationCarryingIt() {
        requiredClinician();
        send(facts(2026).setAsOf(T0.plusSeconds(60)).setVirtualGroupId("VG-123").build());
        assertThat(eligibility.readValuesToList()).singleElement().satisfies(e -> {
            assertThat(e.getVirtualGroupId()).isEqualTo("VG-123");
            assertThat(e.getReasonCodes()).containsExactly(ReasonCodes.REQUIRED);
        });
    }

    @Test
    void factsWithABlankOrOversizedVirtualGroupAreDeadLettered() {
        TestOutputTopic<String, byte[]> factsDlt = driver.createOutputTopic(Topics.CLINICIAN_FACTS.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        requiredClinician();
        ClinicianFacts blank = facts(2026).setAsOf(T0.plusSeconds(60)).setVirtualGroupId("  ").build();
        ClinicianFacts oversized = facts(2026).setAsOf(T0.plusSeconds(60)).setVirtualGroupId("V".repeat(65)).build();
        send(blank);
        send(oversized);

        List<TestRecord<String, byte[]>> dead = factsDlt.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON_HEADER))
                .containsExactly("INVALID_VIRTUAL_GROUP", "INVALID_VIRTUAL_GROUP");
        assertThat(dead).extracting(TestRecord::key).containsOnly(key(2026));
        assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetters.MESSAGE_HEADER)).doesNotContain(TIN));
        assertThat(eligibility.isEmpty()).as("the rejected records change nothing").isTrue();
    }

    @Test
    void anAcoProfileReachesOnlyTheCliniciansThatAcoListsNow() {
        send(aco(2026).build());
        send(roster(2026, NPI).build());
        send(roster(2026, NPI_2).build());
        send(facts(2026, NPI).build());
        send(facts(2026, NPI_2).build());
        send(roster(2026, NPI_2).setAcoId("B5678").setSnapshot(4).setEventId("r-b-4").setRecordedAt(T0.plusSeconds(3600)).build());
        eligibility.readValuesToList();

        send(aco(2026).setAllFqhcRhc(true).setUpdatedAt(T0.plusSeconds(60)).build());
        assertThat(latest()).as("NPI_2 left the ACO: the profile fan-out skips it").containsOnlyKeys(key(2026, NPI));

        send(aco(2026).setAcoId("B5678").setUpdatedAt(T0.plusSeconds(60)).build());
        assertThat(latest()).containsOnlyKeys(key(2026, NPI_2));
    }

    @Test
    void aTinLevelChangeReDecidesOnlyThatTin() {
        twoRequiredClinicians();
        send(roster(2026, NPI).setTin(OTHER_TIN).build());
        send(facts(2026, NPI).setTin(OTHER_TIN).build());
        eligibility.readValuesToList();

        send(tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.APPROVED).build());
        assertThat(latest()).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
    }

    /**
     * Every arrival order of one TIN's inputs (two rosters, one of them moving ACO at a later snapshot, facts with
     * TIN statuses that a newer record clears, own and whole-TIN hardships, two ACO profiles) ends with the same last
     * determination per TIN/NPI: versions decide, never arrival (design.md §5).
     */
    @Test
    void everyArrivalOrderEndsWithTheSameDeterminations() {
        List<Runnable> inputs = List.of(
                () -> send(aco(2026).build()),
                () -> send(aco(2026).setAcoId("B5678").setAllFqhcRhc(true).build()),
                () -> send(roster(2026, NPI).build()),
                () -> send(roster(2026, NPI_2).build()),
                () -> send(roster(2026, NPI_2).setAcoId("B5678").setSnapshot(4).setEventId("r-b-4").setRecordedAt(T0.plusSeconds(3600)).build()),
                () -> send(facts(2026, NPI).setTinSpecialStatuses(List.of(SpecialStatus.SMALL_PRACTICE)).build()),
                () -> send(facts(2026, NPI_2).setAsOf(T0.plusSeconds(60)).build()),
                () -> send(hardship(2026, HardshipBasis.INSUFFICIENT_INTERNET, HardshipStatus.PENDING).build()),
                () -> send(tinHardship(2026, HardshipBasis.EXTREME_UNCONTROLLABLE, HardshipStatus.DENIED).build()));
        Map<String, ParticipantEligibility> first = null;
        Random random = new Random(20261206);
        for (int run = 0; run < 25; run++) {
            List<Runnable> order = new ArrayList<>(inputs);
            Collections.shuffle(order, random);
            driver.close();
            start();
            order.forEach(Runnable::run);
            Map<String, ParticipantEligibility> last = latest();
            assertThat(last).containsOnlyKeys(key(2026, NPI), key(2026, NPI_2));
            if (first == null) {
                first = last;
                assertThat(first.get(key(2026, NPI_2)).getReasonCodes().get(0)).isEqualTo(ReasonCodes.ACO_ALL_FQHC);
            } else {
                assertThat(last).as("order %s", run).isEqualTo(first);
            }
        }
    }

    /**
     * The shape under review: per TIN one sub-topology with four stores, fed by the inputs, the ingress repartition
     * topic (records placed off their TIN's partition only) and the ACO-profile fan-out topic. A change here changes the
     * hops and records per event that deploy/README.md §6 reports.
     */
    @Test
    void topologyMatchesItsSnapshot() {
        String described = TopologySnapshots.assertMatches(EligibilityTopology.build(RULES, 3), "eligibility-topology.txt");
        assertThat(described).doesNotContain("KTABLE-FK").doesNotContain("subscription");
    }

    @Test
    void deadLetterMessagesNeverCarryAFullTin() {
        TestOutputTopic<String, byte[]> rosterDlt = driver.createOutputTopic(Topics.ROSTER.deadLetterName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        roster.pipeInput(key(2025), roster(2026).build());
        TestRecord<String, byte[]> dead = rosterDlt.readRecord();
        assertThat(header(dead, DeadLetters.MESSAGE_HEADER)).doesNotContain(TIN).contains("*****" + TIN.substring(5));
        assertThat(dead.key()).isEqualTo(key(2025));
        assertThat(dead.value()).isEqualTo(Topics.ROSTER.valueSerde().serializer().serialize("t", roster(2026).build()));
        assertThat(ACO).isNotBlank();
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        return DeadLetters.headerValue(record.headers(), name);
    }
}
