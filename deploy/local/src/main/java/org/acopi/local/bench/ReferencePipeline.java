package org.acopi.local.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.EligibilityDecider;
import org.acopi.eligibility.domain.EligibilityInputs;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.HardshipDecisions;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.eligibility.domain.Versions;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.HardshipDecision;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.RosterEntry;
import org.acopi.local.loader.AcoYear;
import org.acopi.local.loader.LoadEvent;
import org.acopi.reporting.ingest.EventMapping;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.publicreport.PublicReport;
import org.acopi.reporting.publicreport.PublicReportCalculator;
import org.acopi.scoring.rollup.ApmEntityResult;
import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.ClinicianFinalScore;
import org.acopi.scoring.rollup.ClinicianStanding;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.LevelCandidate;
import org.acopi.scoring.rollup.RollupContribution;
import org.acopi.scoring.rollup.SubmissionVersion;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.ScoringRules;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the distributed pipeline must end with, computed in memory by the services' own pure domain code: newest
 * version per key ({@link Versions}, {@link RosterPosition}, {@link SubmissionVersion}), eligibility-service's
 * {@link EligibilityDecider}, scoring-service's engine, {@link ClinicianFinalScore} and {@link ApmEntityRollup}, and
 * reporting-service's {@link PublicReportCalculator}. No Kafka, no joins, no batching: if the live public reports
 * equal these, the pipeline's joins, ordering, idempotency and batching lost and double-counted nothing.
 *
 * <p>Events are accepted in any order; {@link #finish} computes one ACO's report and forgets its clinicians, so a
 * program generated ACO by ACO needs memory for one ACO at a time.
 */
public final class ReferencePipeline {

    private final EligibilityRules eligibilityRules = EligibilityRules.load();
    private final EligibilityDecider decider = new EligibilityDecider(eligibilityRules);
    private final ScoringRules scoringRules = ScoringRules.fromClasspath();
    private final int probeTargetsPerAco;

    private final Map<String, AcoProfile> profiles = new HashMap<>();
    private final Map<String, RosterPosition> roster = new TreeMap<>();
    private final Map<String, ClinicianFacts> facts = new HashMap<>();
    private final Map<String, ClinicianFacts> tinFacts = new HashMap<>();
    private final Map<String, List<HardshipDecision>> hardships = new HashMap<>();
    private final Map<String, SubmissionVersion> submitterVersions = new HashMap<>();
    private final Map<String, EntitySubmissionScores> entityScores = new HashMap<>();

    /** @param probeTargetsPerAco how many clinicians per ACO to offer as latency probe targets */
    public ReferencePipeline(int probeTargetsPerAco) {
        this.probeTargetsPerAco = probeTargetsPerAco;
    }

    /** Takes one input event, as the services' edge would: rejected submissions are dropped. */
    public void accept(LoadEvent<?> event) {
        Object value = event.value();
        if (value instanceof AcoProfile p) {
            profiles.merge(event.key(), p, Versions::newer);
        } else if (value instanceof RosterEntry r) {
            int deciding = eligibilityRules.forYear(r.getPerformanceYear()).decidingSnapshot();
            roster.merge(event.key(), RosterPosition.of(r, deciding), (old, x) -> old.with(r, deciding));
        } else if (value instanceof ClinicianFacts f) {
            facts.merge(event.key(), f, Versions::newer);
            tinFacts.merge(EventKeys.tin(f.getPerformanceYear(), f.getTin()), f, Versions::newer);
        } else if (value instanceof HardshipDecision h) {
            hardships.put(event.key(), HardshipDecisions.with(hardships.get(event.key()), h));
        } else if (value instanceof PiSubmission s) {
            submission(event.key(), s);
        } else {
            throw new IllegalArgumentException("not an input event: " + event.topic().name());
        }
    }

    private void submission(String key, PiSubmission s) {
        PiMeasurementSet set = org.acopi.scoring.stream.EventMapping.measurementSet(s);
        Double score = null;
        if (s.getWithdrawn()) {
            if (!scoringRules.validateIdentity(set).isEmpty()) {
                return;
            }
        } else {
            PiScore scored = scoringRules.score(set);
            if (!scored.problems().isEmpty()) {
                return;
            }
            score = scored.score().doubleValue();
        }
        SubmissionVersion version = new SubmissionVersion(s.getSubmittedAt().toEpochMilli(), s.getSubmissionId(), s.getWithdrawn());
        String submitterKey = EventKeys.submissionScore(key, s.getSubmitter());
        if (!version.supersedes(submitterVersions.get(submitterKey))) {
            return;
        }
        submitterVersions.put(submitterKey, version);
        EntitySubmissionScores.SubmitterScore current = score == null ? null : new EntitySubmissionScores.SubmitterScore(
                s.getSubmitter(), s.getSubmissionId(), s.getSubmittedAt().toEpochMilli(), score);
        entityScores.put(key, entityScores.getOrDefault(key, EntitySubmissionScores.empty()).with(s.getSubmitter(), current));
    }

    /** The expected report of one ACO and PY; the clinicians and TIN-level inputs of that ACO are then forgotten. */
    public ExpectedReport finish(AcoYear acoYear) {
        int py = acoYear.performanceYear();
        AcoProfile profile = profiles.remove(EventKeys.acoYear(acoYear.acoId(), py));
        var rollupRules = scoringRules.year(py).apmEntityRollup();
        ApmEntityRollup rollup = ApmEntityRollup.empty(acoYear.acoId(), py);
        List<Participant> participants = new ArrayList<>();
        List<ExpectedReport.ProbeTarget> probes = new ArrayList<>();
        TreeSet<String> tins = new TreeSet<>();
        Iterator<Map.Entry<String, RosterPosition>> it = roster.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, RosterPosition> entry = it.next();
            RosterEntry latest = entry.getValue().latest();
            if (latest.getPerformanceYear() != py || !latest.getAcoId().equals(acoYear.acoId())) {
                continue;
            }
            it.remove();
            String tin = latest.getTin();
            String npi = latest.getNpi();
            tins.add(tin);
            List<HardshipDecision> decisions = new ArrayList<>(Objects.requireNonNullElse(hardships.remove(entry.getKey()), List.of()));
            decisions.addAll(hardships.getOrDefault(EventKeys.wholeTin(py, tin), List.of()));
            ParticipantEligibility e = decider.decide(new EligibilityInputs(profile, entry.getValue(),
                    facts.remove(entry.getKey()), tinFacts.get(EventKeys.tin(py, tin)), decisions));
            ClinicianStanding standing = org.acopi.scoring.stream.EventMapping.standing(e);
            List<LevelCandidate> candidates = new ArrayList<>(4);
            LevelCandidate individual = candidate(EntityType.INDIVIDUAL,
                    entityScores.remove(EventKeys.submission(py, EntityType.INDIVIDUAL, tin + ":" + npi)));
            addIfPresent(candidates, individual);
            addIfPresent(candidates, candidate(EntityType.GROUP, entityScores.get(EventKeys.submission(py, EntityType.GROUP, tin))));
            if (standing.virtualGroupId() != null) {
                addIfPresent(candidates, candidate(EntityType.VIRTUAL_GROUP,
                        entityScores.get(EventKeys.submission(py, EntityType.VIRTUAL_GROUP, standing.virtualGroupId()))));
            }
            addIfPresent(candidates, candidate(EntityType.APM_ENTITY,
                    entityScores.get(EventKeys.submission(py, EntityType.APM_ENTITY, acoYear.acoId()))));
            ClinicianFinalScore result = ClinicianFinalScore.decide(standing, candidates);
            rollup = rollup.add(RollupContribution.of(standing, candidates, rollupRules));
            ClinicianScore score = org.acopi.scoring.stream.EventMapping.clinicianScore(standing, result,
                    scoringRules.year(py).rulesVersion());
            participants.add(new Participant(Participant.id(py, tin, npi), py, tin, npi,
                    EventMapping.eligibility(record(Topics.PARTICIPANT_ELIGIBILITY.name(), entry.getKey(), e)).eligibility(),
                    EventMapping.clinicianScore(record(Topics.CLINICIAN_SCORES.name(), entry.getKey(), score)).score()));
            if (probes.size() < probeTargetsPerAco && result.scored() && result.source() == EntityType.GROUP
                    && individual == null && !standing.removed()) {
                probes.add(new ExpectedReport.ProbeTarget(tin, npi));
            }
        }
        for (String tin : tins) {
            tinFacts.remove(EventKeys.tin(py, tin));
            hardships.remove(EventKeys.wholeTin(py, tin));
            entityScores.remove(EventKeys.submission(py, EntityType.GROUP, tin));
        }
        LevelCandidate entityLevel = candidate(EntityType.APM_ENTITY,
                entityScores.remove(EventKeys.submission(py, EntityType.APM_ENTITY, acoYear.acoId())));
        ApmEntityResult apm = rollup.result(entityLevel, rollupRules);
        PublicReport report = PublicReportCalculator.compute(
                new org.acopi.reporting.participants.AcoYear(acoYear.acoId(), py), participants, null);
        return new ExpectedReport(acoYear, report.enforced(), report.exempt(), report.providersSuppliers(),
                report.participants(), apm, participants.size(), probes);
    }

    /** Finishes every ACO with a roster record, in ACO order. */
    public List<ExpectedReport> finishAll() {
        TreeSet<AcoYear> acoYears = new TreeSet<>();
        roster.values().forEach(p -> acoYears.add(new AcoYear(p.latest().getAcoId(), p.latest().getPerformanceYear())));
        return acoYears.stream().map(this::finish).toList();
    }

    private static LevelCandidate candidate(EntityType level, EntitySubmissionScores scores) {
        return scores == null ? null : scores.best()
                .map(best -> new LevelCandidate(level, best.score(), best.submissionId(), best.submitter())).orElse(null);
    }

    /** As reporting-service's listeners receive it; the offset plays no part in any count. */
    private static ConsumerRecord<String, Object> record(String topic, String key, Object value) {
        return new ConsumerRecord<>(topic, 0, 0L, key, value);
    }

    private static <T> void addIfPresent(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }
}
