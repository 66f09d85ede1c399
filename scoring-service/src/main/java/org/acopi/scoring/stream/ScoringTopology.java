package org.acopi.scoring.stream;

import java.util.Properties;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topics;
import org.acopi.events.EntityType;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.PiSubmission;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.SubmissionVersion;
import org.acopi.support.streams.GuardedForward;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.support.metrics.EventMetrics;
import org.acopi.support.streams.JsonSerde;
import org.acopi.support.streams.TinPlacement;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring-service Kafka Streams topology (design.md §5a): PI submissions → explained submission scores
 * (docs/pi-rules.md §2–§5, §11.2) → each rostered clinician's final score (highest of its levels, §6.1) → each ACO's
 * APM entity score (§6.3). Submissions and determinations are processed on their TIN's partition, where the TIN's
 * clinicians are, so INDIVIDUAL and GROUP scores reach them without a join; virtual-group and APM-entity scores, the
 * wide entities, reach every partition by an explicit fan-out and re-score only the clinicians that name them. Each
 * clinician sends its ACO the change of its roll-up contribution, and the roll-up adds and subtracts it. Every step is
 * keyed and versioned so that replays, duplicates, reordering and restarts change nothing, and corrections
 * (resubmission, withdrawal, roster removal, eligibility change) flow through to every output.
 */
public final class ScoringTopology {

    /** Newest version per {py}:{entityType}:{entityId}:{submitter}. */
    static final String SUBMITTER_VERSIONS_STORE = "submitter-versions";
    /** Current score per submitter of each entity: TIN-level entities of this partition and every wide entity. */
    static final String ENTITY_SCORES_STORE = "entity-scores";
    /** Per {py}:{tin}:{npi}: standing, levels and the roll-up contribution last sent. */
    static final String CLINICIANS_STORE = "clinicians";
    /** Index {py}:{VIRTUAL_GROUP|APM_ENTITY}:{id}:{py}:{tin}:{npi} of the clinicians each wide entity reaches. */
    static final String WIDE_ENTITY_MEMBERS_STORE = "wide-entity-members";
    /** Running roll-up and APM_ENTITY submission scores per {acoId}:{py}. */
    static final String APM_ROLLUP_STORE = "apm-entity-rollups";

    private ScoringTopology() {
    }

    /** The topology with RocksDB state stores, for input topics of {@code inputPartitions} partitions. */
    public static Topology build(ScoringRules rules, int inputPartitions) {
        return build(rules, new StreamsBuilder(), BuiltInDslStoreSuppliers.ROCKS_DB, inputPartitions);
    }

    /** The topology with the state-store kind that {@code dsl.store.suppliers.class} in the Streams properties names. */
    public static Topology build(ScoringRules rules, Properties streamsProperties, int inputPartitions) {
        TopologyConfig config = new TopologyConfig(new StreamsConfig(streamsProperties));
        return build(rules, new StreamsBuilder(config), config.resolveDslStoreSuppliers().orElse(BuiltInDslStoreSuppliers.ROCKS_DB),
                inputPartitions);
    }

    private static Topology build(ScoringRules rules, StreamsBuilder builder, DslStoreSuppliers stores, int inputPartitions) {
        EdgeChecks edge = new EdgeChecks(rules);
        Serde<String> keys = Serdes.String();
        Serde<SubmissionScore> submissionScores = Topics.SUBMISSION_SCORES.valueSerde();
        Serde<ParticipantEligibility> eligibilities = Topics.PARTICIPANT_ELIGIBILITY.valueSerde();
        store(builder, stores, SUBMITTER_VERSIONS_STORE, new JsonSerde<>(SubmissionVersion.class));
        store(builder, stores, ENTITY_SCORES_STORE, new JsonSerde<>(EntitySubmissionScores.class));
        store(builder, stores, CLINICIANS_STORE, new JsonSerde<>(ClinicianRecord.class));
        store(builder, stores, WIDE_ENTITY_MEMBERS_STORE, keys);

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

        // 2. Ingress: a score read from its TIN's partition (or, for a wide entity, its key's) stays; one an external
        //    producer placed elsewhere moves there, so one submitter's versions always meet in one task.
        KStream<String, SubmissionScore> placed = TinPlacement.onTinPartition(scored, "submission-scores-by-tin", submissionScores, inputPartitions);

        // 3. Within a submitter the newest submittedAt wins; stale, duplicate and replayed versions stop here.
        KStream<String, SubmissionScore> newest = placed.processValues(
                () -> new GuardedForward<SubmissionScore, SubmissionVersion>(SUBMITTER_VERSIONS_STORE,
                        r -> EventKeys.submissionScore(r.key(), r.value().getSubmitter()), s -> new SubmissionVersion(s.getSubmittedAt().toEpochMilli(), s.getSubmissionId(), s.getWithdrawn()),
                        (previous, incoming) -> incoming.supersedes(previous)),
                Named.as("newest-per-submitter"), SUBMITTER_VERSIONS_STORE);

        // 4. Publish each submitter's current score (or withdrawal), keyed {py}:{entityType}:{entityId}:{submitter}.
        newest.selectKey((entityKey, score) -> EventKeys.submissionScore(entityKey, score.getSubmitter()),
                        Named.as("key-by-submitter"))
                .to(Topics.SUBMISSION_SCORES.name(), Produced.with(keys, submissionScores)
                        .withStreamPartitioner(TinPlacement.byTin()).withName("submission-scores"));

        // 5. INDIVIDUAL and GROUP scores stay on their TIN's partition; virtual-group and APM-entity scores fan out to
        //    every partition, since their clinicians may be on any.
        KStream<String, ScoringInput> tinLevelScores = newest
                .filter((entityKey, score) -> !isWide(score.getEntityType()), Named.as("tin-level-scores"))
                .mapValues(ScoringInput::of, Named.as("tin-level-input"));
        KStream<String, ScoringInput> wideScores = newest
                .filter((entityKey, score) -> isWide(score.getEntityType()), Named.as("wide-entity-scores"))
                .repartition(Repartitioned.<String, SubmissionScore>as("wide-entity-scores-to-every-partition")
                        .withKeySerde(keys).withValueSerde(submissionScores).withStreamPartitioner(TinPlacement.toEveryPartition()))
                .mapValues(ScoringInput::of, Named.as("wide-entity-input"));

        // 6. Rostered clinicians, keyed {py}:{tin}:{npi}, from eligibility-service (which places them by TIN); checked at
        //    the edge, and moved to the TIN's partition if another producer placed them elsewhere.
        KStream<String, ParticipantEligibility> checked = builder
                .stream(Topics.PARTICIPANT_ELIGIBILITY.name(), Consumed.with(keys, eligibilities).withName("participant-eligibility"))
                .mapValues((key, eligibility) -> {
                    ParticipantEligibility present = EdgeChecks.present(eligibility);
                    EventMetrics.processed(Topics.PARTICIPANT_ELIGIBILITY.name());
                    return edge.checkEligibility(key, present);
                }, Named.as("check-eligibility"));
        KStream<String, ScoringInput> standings = TinPlacement.onTinPartition(checked, "eligibility-by-tin", eligibilities, inputPartitions)
                .mapValues(e -> ScoringInput.of(EventMapping.standing(e)), Named.as("standing"));

        // 7. Per TIN: keep entity scores and standings, re-score the clinicians a change concerns (highest level wins).
        KStream<String, TinOutput> changes = tinLevelScores
                .merge(wideScores, Named.as("all-entity-scores"))
                .merge(standings, Named.as("scores-and-standings"))
                .process(() -> new ClinicianScoreProcessor(rules), Named.as("final-scores"),
                        ENTITY_SCORES_STORE, CLINICIANS_STORE, WIDE_ENTITY_MEMBERS_STORE);

        // 8. Publish each changed final score on the clinician's TIN partition.
        changes.filter((key, out) -> out.score() != null, Named.as("clinician-score-changes"))
                .mapValues(TinOutput::score, Named.as("clinician-score"))
                .to(Topics.CLINICIAN_SCORES.name(), Produced.with(keys, Topics.CLINICIAN_SCORES.valueSerde())
                        .withStreamPartitioner(TinPlacement.byTin()).withName("clinician-scores"));

        // 9. APM entity roll-up per {acoId}:{py}: each clinician's contribution change and each APM_ENTITY submission
        //    score meet on the ACO's partition, where the stored previous contribution is subtracted and the new added.
        KStream<String, ApmEntityChange> contributionChanges = changes
                .filter((key, out) -> out.change() != null, Named.as("roll-up-changes"))
                .mapValues(TinOutput::change, Named.as("roll-up-change"));
        KStream<String, ApmEntityChange> apmSubmissions = newest
                .filter((entityKey, score) -> score.getEntityType() == EntityType.APM_ENTITY, Named.as("apm-entity-submissions"))
                .map((entityKey, score) -> KeyValue.pair(EventKeys.acoYear(score.getEntityId(), score.getPerformanceYear()),
                        ApmEntityChange.submission(score.getEntityId(), score.getPerformanceYear(), score.getSubmitter(),
                                score.getWithdrawn() ? null : new EntitySubmissionScores.SubmitterScore(score.getSubmitter(),
                                        score.getSubmissionId(), score.getSubmittedAt().toEpochMilli(), score.getScore()))),
                        Named.as("apm-entity-submission-change"));
        contributionChanges.merge(apmSubmissions, Named.as("apm-entity-changes"))
                .repartition(Repartitioned.<String, ApmEntityChange>as("apm-entity-changes-by-aco")
                        .withKeySerde(keys).withValueSerde(new JsonSerde<>(ApmEntityChange.class)))
                .groupByKey(Grouped.with(keys, new JsonSerde<>(ApmEntityChange.class)))
                .aggregate(ApmEntityState::empty, (acoKey, change, state) -> state.with(change), Named.as("apm-entity-rollup"),
                        Materialized.<String, ApmEntityState>as(stores.keyValueStore(new DslKeyValueParams(APM_ROLLUP_STORE, false)))
                                .withKeySerde(keys).withValueSerde(new JsonSerde<>(ApmEntityState.class)))
                // 10. The APM entity score: the ACO's own submission when there is one, else the roll-up; published per
                //     commit (the store's cache keeps the last state of each ACO), once a clinician of the ACO is known.
                .toStream(Named.as("apm-entity-states"))
                .filter((acoKey, state) -> state != null && state.rollup() != null, Named.as("apm-entity-with-clinicians"))
                .mapValues(state -> state.score(rules), Named.as("apm-entity-score"))
                .to(Topics.APM_ENTITY_SCORES.name(),
                        Produced.with(keys, Topics.APM_ENTITY_SCORES.valueSerde()).withName("apm-entity-scores"));

        return builder.build();
    }

    private static boolean isWide(EntityType type) {
        return type == EntityType.VIRTUAL_GROUP || type == EntityType.APM_ENTITY;
    }

    private static <V> void store(StreamsBuilder builder, DslStoreSuppliers stores, String name, Serde<V> serde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.keyValueStore(new DslKeyValueParams(name, false)),
                Serdes.String(), serde).withCachingEnabled());
    }
}
