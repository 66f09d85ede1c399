package org.acopi.scoring.stream;

import java.util.Properties;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianScore;
import org.acopi.events.EntityType;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.ApmEntityRollup;
import org.acopi.scoring.rollup.ClinicianFinalScore;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.RollupContribution;
import org.acopi.scoring.rollup.SubmissionVersion;
import org.acopi.support.streams.GuardedForward;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.scoring.rules.SubmittingEntity;
import org.acopi.support.metrics.EventMetrics;
import org.acopi.support.streams.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring-service Kafka Streams topology: PI submissions → explained submission scores (docs/pi-rules.md §2–§5,
 * §11.2) → each rostered clinician's final score (highest of its levels, §6.1) → each ACO's APM entity score
 * (§6.3). Every step is keyed and versioned so that replays, duplicates, reordering and restarts change nothing, and
 * corrections (resubmission, withdrawal, roster removal, eligibility change) flow through to every output.
 */
public final class ScoringTopology {

    static final String SUBMITTER_VERSIONS_STORE = "submitter-versions";
    static final String ENTITY_SCORES_STORE = "entity-scores";
    static final String ELIGIBILITY_STORE = "participant-eligibility";
    static final String APM_ROLLUP_STORE = "apm-entity-rollups";

    private ScoringTopology() {
    }

    /** The topology with RocksDB state stores. */
    public static Topology build(ScoringRules rules) {
        return build(rules, new StreamsBuilder(), BuiltInDslStoreSuppliers.ROCKS_DB);
    }

    /** The topology with the state-store kind that {@code dsl.store.suppliers.class} in the Streams properties names. */
    public static Topology build(ScoringRules rules, Properties streamsProperties) {
        TopologyConfig config = new TopologyConfig(new StreamsConfig(streamsProperties));
        return build(rules, new StreamsBuilder(config), config.resolveDslStoreSuppliers().orElse(BuiltInDslStoreSuppliers.ROCKS_DB));
    }

    private static Topology build(ScoringRules rules, StreamsBuilder builder, DslStoreSuppliers stores) {
        EdgeChecks edge = new EdgeChecks(rules);
        Serde<String> keys = Serdes.String();
        Serde<SubmissionScore> submissionScores = Topics.SUBMISSION_SCORES.valueSerde();
        Serde<EntitySubmissionScores> entityScoresSerde = new JsonSerde<>(EntitySubmissionScores.class);
        Serde<ClinicianLevels> levelsSerde = new JsonSerde<>(ClinicianLevels.class);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValueStore(new DslKeyValueParams(SUBMITTER_VERSIONS_STORE, false)),
                keys, new JsonSerde<>(SubmissionVersion.class)));

        // 1. PI submissions, keyed {py}:{entityType}:{entityId}: validate at the edge and score. A rejected submission
        //    (a tombstone too: submissions are withdrawn by an event, never deleted) throws and goes to
        //    acopi.submissions.v1-dlt with its problem codes; it never replaces an earlier one.
        KStream<String, SubmissionScore> scored = builder
                .stream(Topics.SUBMISSIONS.name(), Consumed.with(keys, Topics.SUBMISSIONS.valueSerde()).withName("submissions"))
                .mapValues((key, submission) -> {
                    PiSubmission present = EdgeChecks.present(submission);
                    EventMetrics.processed(Topics.SUBMISSIONS.name());
                    return edge.scoreOrReject(key, present);
                }, Named.as("validate-and-score"));

        // 2. Within a submitter the newest submittedAt wins; stale, duplicate and replayed versions stop here.
        KStream<String, SubmissionScore> newest = scored.processValues(
                () -> new GuardedForward<SubmissionScore, SubmissionVersion>(SUBMITTER_VERSIONS_STORE,
                        r -> EventKeys.submissionScore(r.key(), r.value().getSubmitter()), s -> new SubmissionVersion(s.getSubmittedAt().toEpochMilli(), s.getSubmissionId(), s.getWithdrawn()),
                        (previous, incoming) -> incoming.supersedes(previous)),
                Named.as("newest-per-submitter"), SUBMITTER_VERSIONS_STORE);

        // 3. Publish each submitter's current score (or withdrawal), keyed {py}:{entityType}:{entityId}:{submitter}.
        newest.selectKey((entityKey, score) -> EventKeys.submissionScore(entityKey, score.getSubmitter()),
                        Named.as("key-by-submitter"))
                .to(Topics.SUBMISSION_SCORES.name(), Produced.with(keys, submissionScores).withName("submission-scores"));

        // 4. Across submitters the entity keeps the highest current score; a withdrawal removes that submitter's.
        KTable<String, EntitySubmissionScores> entityScores = newest
                .groupByKey(Grouped.with("entity", keys, submissionScores))
                .aggregate(EntitySubmissionScores::empty,
                        (entityKey, score, current) -> current.with(score.getSubmitter(), score.getWithdrawn() ? null
                                : new EntitySubmissionScores.SubmitterScore(score.getSubmitter(), score.getSubmissionId(),
                                        score.getSubmittedAt().toEpochMilli(), score.getScore())),
                        Named.as("best-per-entity"),
                        Materialized.<String, EntitySubmissionScores, KeyValueStore<Bytes, byte[]>>as(ENTITY_SCORES_STORE)
                                .withKeySerde(keys).withValueSerde(entityScoresSerde));

        // 5. Rostered clinicians, keyed {py}:{tin}:{npi}, from eligibility-service; checked at the edge.
        KTable<String, ClinicianLevels> clinicians = builder
                .stream(Topics.PARTICIPANT_ELIGIBILITY.name(),
                        Consumed.with(keys, Topics.PARTICIPANT_ELIGIBILITY.valueSerde()).withName("participant-eligibility"))
                .mapValues((key, eligibility) -> {
                    ParticipantEligibility present = EdgeChecks.present(eligibility);
                    EventMetrics.processed(Topics.PARTICIPANT_ELIGIBILITY.name());
                    return ClinicianLevels.of(EventMapping.standing(edge.checkEligibility(key, present)));
                }, Named.as("check-eligibility"))
                .toTable(Named.as("eligibility-table"),
                        Materialized.<String, ClinicianLevels, KeyValueStore<Bytes, byte[]>>as(ELIGIBILITY_STORE)
                                .withKeySerde(keys).withValueSerde(levelsSerde));

        // 6. Attach the best score of each level that reaches the clinician, by foreign-key joins on the entity key:
        //    its own TIN/NPI (INDIVIDUAL), its TIN (GROUP), the virtual group its eligibility names (VIRTUAL_GROUP;
        //    no key when it names none, so the left join emits the clinician without that level and an eligibility
        //    that drops the group drops its score), its ACO (APM_ENTITY). A change on either side re-joins.
        KTable<String, ClinicianLevels> withLevels = clinicians
                .leftJoin(entityScores,
                        c -> entityKey(c, EntityType.INDIVIDUAL, SubmittingEntity.individualId(c.standing().tin(), c.standing().npi())),
                        (c, scores) -> c.withIndividual(ClinicianLevels.candidate(EntityType.INDIVIDUAL, scores)),
                        TableJoined.as("individual-score"), materialized("clinician-individual", levelsSerde))
                .leftJoin(entityScores,
                        c -> entityKey(c, EntityType.GROUP, c.standing().tin()),
                        (c, scores) -> c.withGroup(ClinicianLevels.candidate(EntityType.GROUP, scores)),
                        TableJoined.as("group-score"), materialized("clinician-group", levelsSerde))
                .leftJoin(entityScores,
                        c -> c.standing().virtualGroupId() == null ? null
                                : entityKey(c, EntityType.VIRTUAL_GROUP, c.standing().virtualGroupId()),
                        (c, scores) -> c.withVirtualGroup(ClinicianLevels.candidate(EntityType.VIRTUAL_GROUP, scores)),
                        TableJoined.as("virtual-group-score"), materialized("clinician-virtual-group", levelsSerde))
                .leftJoin(entityScores,
                        c -> entityKey(c, EntityType.APM_ENTITY, c.standing().acoId()),
                        (c, scores) -> c.withApmEntity(ClinicianLevels.candidate(EntityType.APM_ENTITY, scores)),
                        TableJoined.as("apm-entity-score"), materialized("clinician-levels", levelsSerde));

        // 7. Final score of every rostered clinician: one ClinicianScore per eligibility record and per change.
        withLevels
                .mapValues(c -> EventMapping.clinicianScore(c.standing(),
                        ClinicianFinalScore.decide(c.standing(), c.candidates()),
                        rules.year(c.standing().performanceYear()).rulesVersion()), Named.as("final-score"))
                .toStream(Named.as("clinician-score-changes"))
                .to(Topics.CLINICIAN_SCORES.name(),
                        Produced.with(keys, Topics.CLINICIAN_SCORES.valueSerde()).withName("clinician-scores"));

        // 8. APM entity roll-up per {acoId}:{py}: each clinician's contribution is added, and subtracted again when it
        //    changes or leaves, so corrections retract exactly.
        KTable<String, ApmEntityRollup> rollups = withLevels
                .groupBy((clinicianKey, c) -> KeyValue.pair(EventKeys.acoYear(c.standing().acoId(), c.standing().performanceYear()),
                                new RollupEntry(c.standing().acoId(), c.standing().performanceYear(),
                                        RollupContribution.of(c.standing(), c.candidates(),
                                                rules.year(c.standing().performanceYear()).apmEntityRollup()))),
                        Grouped.with("aco", keys, new JsonSerde<>(RollupEntry.class)))
                .aggregate(() -> ApmEntityRollup.empty(null, 0),
                        (acoKey, entry, rollup) -> identified(rollup, entry).add(entry.contribution()),
                        (acoKey, entry, rollup) -> identified(rollup, entry).subtract(entry.contribution()),
                        Named.as("apm-entity-rollup"),
                        Materialized.<String, ApmEntityRollup, KeyValueStore<Bytes, byte[]>>as(APM_ROLLUP_STORE)
                                .withKeySerde(keys).withValueSerde(new JsonSerde<>(ApmEntityRollup.class)));

        // 9. APM entity score: the ACO's own APM_ENTITY submission when there is one, else the roll-up.
        rollups
                .leftJoin(entityScores,
                        r -> EventKeys.submission(r.performanceYear(), EntityType.APM_ENTITY, r.acoId()),
                        (r, scores) -> EventMapping.apmEntityScore(r,
                                r.result(ClinicianLevels.candidate(EntityType.APM_ENTITY, scores),
                                        rules.year(r.performanceYear()).apmEntityRollup()),
                                rules.year(r.performanceYear()).rulesVersion()),
                        TableJoined.as("apm-entity-submission"),
                        Materialized.<String, ApmEntityScore, KeyValueStore<Bytes, byte[]>>as("apm-entity-scores")
                                .withKeySerde(keys).withValueSerde(Topics.APM_ENTITY_SCORES.valueSerde()))
                .toStream(Named.as("apm-entity-score-changes"))
                .to(Topics.APM_ENTITY_SCORES.name(),
                        Produced.with(keys, Topics.APM_ENTITY_SCORES.valueSerde()).withName("apm-entity-scores"));

        return builder.build();
    }

    private static String entityKey(ClinicianLevels c, EntityType type, String entityId) {
        return EventKeys.submission(c.standing().performanceYear(), type, entityId);
    }

    private static ApmEntityRollup identified(ApmEntityRollup rollup, RollupEntry entry) {
        return rollup.acoId() != null ? rollup : ApmEntityRollup.empty(entry.acoId(), entry.performanceYear());
    }

    private static Materialized<String, ClinicianLevels, KeyValueStore<Bytes, byte[]>> materialized(
            String storeName, Serde<ClinicianLevels> serde) {
        return Materialized.<String, ClinicianLevels, KeyValueStore<Bytes, byte[]>>as(storeName)
                .withKeySerde(Serdes.String()).withValueSerde(serde);
    }
}
