package org.acopi.scoring.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.acopi.contracts.EventKeys;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.ClinicianFinalScore;
import org.acopi.scoring.rollup.ClinicianStanding;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.LevelCandidate;
import org.acopi.scoring.rollup.RollupContribution;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.scoring.rules.SubmittingEntity;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
        List<String> affected = new ArrayList<>();
        int year = score.getPerformanceYear();
        switch (score.getEntityType()) {
            case INDIVIDUAL -> affected.add(year + ":" + score.getEntityId());
            case GROUP -> scan(clinicians, EventKeys.tin(year, score.getEntityId()) + ":", kv -> kv.key, affected);
            case VIRTUAL_GROUP, APM_ENTITY -> scan(members, entityKey + ":", kv -> kv.value, affected);
        }
        // every clinician's new score is worked out before anything is written, so a failure leaves no half-done entity
        List<Rescore> rescores = new ArrayList<>();
        for (String clinicianKey : affected) {
            ClinicianRecord held = clinicians.get(clinicianKey);
            if (held != null) {
                Rescore rescore = rescore(clinicianKey, held.levels().standing(), held, entityKey, next);
                if (rescore != null) {
                    rescores.add(rescore);
                }
            }
        }
        entities.put(entityKey, next);
        rescores.forEach(r -> apply(record, r));
    }

    private void standing(Record<String, ScoringInput> record, ClinicianStanding standing) {
        String key = record.key();
        ClinicianRecord held = clinicians.get(key);
        Rescore rescore = rescore(key, standing, held, null, null);
        ClinicianStanding before = held == null ? null : held.levels().standing();
        index(key, before == null ? null : wideKey(before, EntityType.VIRTUAL_GROUP, before.virtualGroupId()),
                wideKey(standing, EntityType.VIRTUAL_GROUP, standing.virtualGroupId()));
        index(key, before == null ? null : wideKey(before, EntityType.APM_ENTITY, before.acoId()),
                wideKey(standing, EntityType.APM_ENTITY, standing.acoId()));
        if (rescore != null) {
            apply(record, rescore);
        }
    }

    /** A clinician's new record and what it publishes: its final score and the roll-up changes for its ACO(s). */
    private record Rescore(String key, ClinicianRecord next, ClinicianScore score, List<ApmEntityChange> changes) {
    }

    /**
     * The clinician scored from the levels held here (with {@code changedEntity} read as {@code changedScores} when not
     * null), or null when its levels did not change. Writes nothing.
     */
    private Rescore rescore(String key, ClinicianStanding standing, ClinicianRecord held, String changedEntity,
                            EntitySubmissionScores changedScores) {
        BiFunction<EntityType, String, LevelCandidate> candidate = (level, entityKey) -> entityKey == null ? null
                : ClinicianLevels.candidate(level, entityKey.equals(changedEntity) ? changedScores : entities.get(entityKey));
        ClinicianLevels levels = new ClinicianLevels(standing,
                candidate.apply(EntityType.INDIVIDUAL, entityKey(standing, EntityType.INDIVIDUAL,
                        SubmittingEntity.individualId(standing.tin(), standing.npi()))),
                candidate.apply(EntityType.GROUP, entityKey(standing, EntityType.GROUP, standing.tin())),
                candidate.apply(EntityType.VIRTUAL_GROUP, wideKey(standing, EntityType.VIRTUAL_GROUP, standing.virtualGroupId())),
                candidate.apply(EntityType.APM_ENTITY, wideKey(standing, EntityType.APM_ENTITY, standing.acoId())));
        if (held != null && levels.equals(held.levels())) {
            return null;
        }
        var year = rules.year(standing.performanceYear());
        ClinicianScore score = EventMapping.clinicianScore(standing,
                ClinicianFinalScore.decide(standing, levels.candidates()), year.rulesVersion());
        RollupEntry contribution = new RollupEntry(standing.acoId(), standing.performanceYear(),
                RollupContribution.of(standing, levels.candidates(), year.apmEntityRollup()));
        RollupEntry previous = held == null ? null : held.contribution();
        List<ApmEntityChange> changes = new ArrayList<>(2);
        if (!contribution.equals(previous)) {
            if (previous != null && !previous.acoId().equals(contribution.acoId())) {
                changes.add(ApmEntityChange.contribution(previous.acoId(), previous.performanceYear(), previous.contribution(), null));
                previous = null;
            }
            changes.add(ApmEntityChange.contribution(contribution.acoId(), contribution.performanceYear(),
                    previous == null ? null : previous.contribution(), contribution.contribution()));
        }
        return new Rescore(key, new ClinicianRecord(levels, contribution), score, changes);
    }

    private void apply(Record<String, ?> record, Rescore rescore) {
        clinicians.put(rescore.key(), rescore.next());
        context.forward(new Record<>(rescore.key(), new TinOutput(rescore.score(), null), record.timestamp()));
        for (ApmEntityChange change : rescore.changes()) {
            context.forward(new Record<>(EventKeys.acoYear(change.acoId(), change.performanceYear()),
                    new TinOutput(null, change), record.timestamp()));
        }
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

    private static String entityKey(ClinicianStanding standing, EntityType type, String entityId) {
        return EventKeys.submission(standing.performanceYear(), type, entityId);
    }

    private static String wideKey(ClinicianStanding standing, EntityType type, String entityId) {
        return entityId == null ? null : entityKey(standing, type, entityId);
    }

    /** Adds the clinician key of every entry of {@code store} under {@code prefix} to {@code into}. */
    private static <V> void scan(KeyValueStore<String, V> store, String prefix, Function<KeyValue<String, V>, String> clinicianKey,
                                 List<String> into) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> into.add(clinicianKey.apply(kv)));
        }
    }
}
