package org.acopi.scoring.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.acopi.contracts.EventKeys;
import org.acopi.events.EntityType;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.ClinicianFinalScore;
import org.acopi.scoring.rollup.ClinicianStanding;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.RollupContribution;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.scoring.rules.SubmittingEntity;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Final scores of the clinicians on this task's TIN partition (docs/pi-rules.md §6.1): keeps each entity's current
 * score per submitter and each clinician's standing, and re-scores exactly the clinicians a change concerns: an
 * INDIVIDUAL submission its TIN/NPI, a GROUP submission the NPIs of its TIN (a prefix scan of the TIN), a virtual-group
 * or APM-entity submission, which reaches every partition, the clinicians held here that name that group or ACO (a
 * prefix scan of the member index). A clinician whose levels did not change publishes nothing; one whose roll-up
 * contribution changed sends its ACO the stored previous and the new contribution.
 */
final class ClinicianScoreProcessor implements Processor<String, ScoringInput, String, TinOutput> {

    private final ScoringRules rules;
    private ProcessorContext<String, TinOutput> context;
    private KeyValueStore<String, EntitySubmissionScores> entities;
    private KeyValueStore<String, ClinicianRecord> clinicians;
    private KeyValueStore<String, String> members;

    ClinicianScoreProcessor(ScoringRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, TinOutput> context) {
        this.context = context;
        this.entities = context.getStateStore(ScoringTopology.ENTITY_SCORES_STORE);
        this.clinicians = context.getStateStore(ScoringTopology.CLINICIANS_STORE);
        this.members = context.getStateStore(ScoringTopology.WIDE_ENTITY_MEMBERS_STORE);
    }

    @Override
    public void process(Record<String, ScoringInput> record) {
        if (record.value().score() != null) {
            submission(record, record.value().score());
        } else {
            standing(record, record.value().standing());
        }
    }

    private void submission(Record<String, ScoringInput> record, SubmissionScore score) {
        String entityKey = record.key();
        EntitySubmissionScores current = entities.get(entityKey);
        EntitySubmissionScores next = (current == null ? EntitySubmissionScores.empty() : current)
                .with(score.getSubmitter(), score.getWithdrawn() ? null : new EntitySubmissionScores.SubmitterScore(
                        score.getSubmitter(), score.getSubmissionId(), score.getSubmittedAt().toEpochMilli(), score.getScore()));
        if (next.equals(current)) {
            return;
        }
        entities.put(entityKey, next);
        List<String> affected = new ArrayList<>();
        int year = score.getPerformanceYear();
        switch (score.getEntityType()) {
            case INDIVIDUAL -> affected.add(year + ":" + score.getEntityId());
            case GROUP -> scan(clinicians, EventKeys.tin(year, score.getEntityId()) + ":", affected, true);
            case VIRTUAL_GROUP, APM_ENTITY -> scan(members, entityKey + ":", affected, false);
        }
        for (String clinicianKey : affected) {
            ClinicianRecord held = clinicians.get(clinicianKey);
            if (held != null) {
                rescore(record, clinicianKey, held.levels().standing(), held);
            }
        }
    }

    private void standing(Record<String, ScoringInput> record, ClinicianStanding standing) {
        String key = record.key();
        ClinicianRecord held = clinicians.get(key);
        ClinicianStanding before = held == null ? null : held.levels().standing();
        index(key, before == null ? null : wideKey(before, EntityType.VIRTUAL_GROUP, before.virtualGroupId()),
                wideKey(standing, EntityType.VIRTUAL_GROUP, standing.virtualGroupId()));
        index(key, before == null ? null : wideKey(before, EntityType.APM_ENTITY, before.acoId()),
                wideKey(standing, EntityType.APM_ENTITY, standing.acoId()));
        rescore(record, key, standing, held);
    }

    /** Scores the clinician from the levels held here; publishes and sends its roll-up change only when they differ. */
    private void rescore(Record<String, ?> record, String key, ClinicianStanding standing, ClinicianRecord held) {
        ClinicianLevels levels = new ClinicianLevels(standing,
                candidate(EntityType.INDIVIDUAL, entityKey(standing, EntityType.INDIVIDUAL,
                        SubmittingEntity.individualId(standing.tin(), standing.npi()))),
                candidate(EntityType.GROUP, entityKey(standing, EntityType.GROUP, standing.tin())),
                candidate(EntityType.VIRTUAL_GROUP, wideKey(standing, EntityType.VIRTUAL_GROUP, standing.virtualGroupId())),
                candidate(EntityType.APM_ENTITY, wideKey(standing, EntityType.APM_ENTITY, standing.acoId())));
        if (held != null && levels.equals(held.levels())) {
            return;
        }
        var year = rules.year(standing.performanceYear());
        context.forward(new Record<>(key, new TinOutput(EventMapping.clinicianScore(standing,
                ClinicianFinalScore.decide(standing, levels.candidates()), year.rulesVersion()), null), record.timestamp()));
        RollupEntry contribution = new RollupEntry(standing.acoId(), standing.performanceYear(),
                RollupContribution.of(standing, levels.candidates(), year.apmEntityRollup()));
        RollupEntry previous = held == null ? null : held.contribution();
        if (!contribution.equals(previous)) {
            if (previous != null && !previous.acoId().equals(contribution.acoId())) {
                send(record, ApmEntityChange.contribution(previous.acoId(), previous.performanceYear(), previous.contribution(), null));
                previous = null;
            }
            send(record, ApmEntityChange.contribution(contribution.acoId(), contribution.performanceYear(),
                    previous == null ? null : previous.contribution(), contribution.contribution()));
        }
        clinicians.put(key, new ClinicianRecord(levels, contribution));
    }

    private void send(Record<String, ?> record, ApmEntityChange change) {
        context.forward(new Record<>(EventKeys.acoYear(change.acoId(), change.performanceYear()),
                new TinOutput(null, change), record.timestamp()));
    }

    /** Moves the clinician's entry in the member index of a virtual group or ACO when the one it names changes. */
    private void index(String clinicianKey, String before, String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            members.delete(before + ":" + clinicianKey);
        }
        if (after != null) {
            members.put(after + ":" + clinicianKey, clinicianKey);
        }
    }

    private org.acopi.scoring.rollup.LevelCandidate candidate(EntityType level, String entityKey) {
        return entityKey == null ? null : ClinicianLevels.candidate(level, entities.get(entityKey));
    }

    private static String entityKey(ClinicianStanding standing, EntityType type, String entityId) {
        return EventKeys.submission(standing.performanceYear(), type, entityId);
    }

    private static String wideKey(ClinicianStanding standing, EntityType type, String entityId) {
        return entityId == null ? null : entityKey(standing, type, entityId);
    }

    private static <V> void scan(KeyValueStore<String, V> store, String prefix, List<String> into, boolean keys) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> into.add(keys ? kv.key : (String) kv.value));
        }
    }
}
