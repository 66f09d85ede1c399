package org.acopi.contracts;

import java.util.List;
import org.acopi.events.AcoProfile;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.ClinicianScore;
import org.acopi.events.HardshipDecision;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.RosterEntry;
import org.acopi.events.SubmissionScore;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic catalogue of design.md §4: the only place a topic name is written. Keys are strings built by
 * {@link EventKeys}; values are Avro events encoded by {@link EventSerdes}.
 */
public final class Topics {

    /** ACO profile per PY. Writer: external (ACO operations). */
    public static final Topic<String, AcoProfile> ACO_PROFILES = topic("acopi.aco-profiles.v1", AcoProfile.class);
    /** Participation list entries per TIN/NPI and PY. Writer: external (ACO operations, CMS participant list). */
    public static final Topic<String, RosterEntry> ROSTER = topic("acopi.roster.v1", RosterEntry.class);
    /** QPP participation-status facts per TIN/NPI and PY. Writer: external (QPP eligibility feed). */
    public static final Topic<String, ClinicianFacts> CLINICIAN_FACTS = topic("acopi.clinician-facts.v1", ClinicianFacts.class);
    /** PI hardship exception applications and decisions. Writer: external. */
    public static final Topic<String, HardshipDecision> HARDSHIPS = topic("acopi.hardships.v1", HardshipDecision.class);
    /** PI measurement sets. Writer: external (EHRs, registries). */
    public static final Topic<String, PiSubmission> SUBMISSIONS = topic("acopi.submissions.v1", PiSubmission.class);
    /** MSSP PI reporting determinations. Writer: eligibility-service. */
    public static final Topic<String, ParticipantEligibility> PARTICIPANT_ELIGIBILITY =
            topic("acopi.participant-eligibility.v1", ParticipantEligibility.class);
    /** Explained PI category scores per submitter and entity. Writer: scoring-service. */
    public static final Topic<String, SubmissionScore> SUBMISSION_SCORES = topic("acopi.submission-scores.v1", SubmissionScore.class);
    /** Final PI score per rostered clinician. Writer: scoring-service. */
    public static final Topic<String, ClinicianScore> CLINICIAN_SCORES = topic("acopi.clinician-scores.v1", ClinicianScore.class);
    /** APM entity PI score per ACO and PY. Writer: scoring-service. */
    public static final Topic<String, ApmEntityScore> APM_ENTITY_SCORES = topic("acopi.apm-entity-scores.v1", ApmEntityScore.class);

    /** Inputs written outside acopi. */
    public static final List<Topic<String, ?>> EXTERNAL_INPUTS = List.of(ACO_PROFILES, ROSTER, CLINICIAN_FACTS, HARDSHIPS, SUBMISSIONS);

    /** Every event topic, in pipeline order. */
    public static final List<Topic<String, ?>> ALL = List.of(ACO_PROFILES, ROSTER, CLINICIAN_FACTS, HARDSHIPS, SUBMISSIONS,
            PARTICIPANT_ELIGIBILITY, SUBMISSION_SCORES, CLINICIAN_SCORES, APM_ENTITY_SCORES);

    private Topics() {
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> type) {
        return new Topic<>(name, Serdes.String(), EventSerdes.serde(type));
    }
}
