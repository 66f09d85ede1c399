package org.acopi.reporting.stream;

import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianScore;
import org.acopi.events.ParticipantEligibility;
import org.acopi.reporting.ingest.EventMapping;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.publicreport.ContributionChange;
import org.acopi.reporting.publicreport.ParticipantState;
import org.acopi.reporting.publicreport.ReportTally;
import org.acopi.reporting.publicreport.TinTally;
import org.acopi.support.streams.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The reporting-service Kafka Streams topology (design.md §5a, §6): keeps every ACO's public report for each PY
 * (42 CFR 425.308(b)(9); docs/pi-rules.md §8, §11) incrementally. Each TIN/NPI's change takes its stored contribution
 * away from its ACO's running sums and adds the new one, so a change costs the same in an ACO of ten clinicians as in
 * one of ten thousand, and nothing is recomputed from the participants. Two exactly-once hops: TIN/NPI, then ACO.
 * The stores' changelogs are the read models' source: the sink listeners write {@link #PARTICIPANTS_STORE} to
 * {@code participants} and {@link #TALLIES_STORE} to {@code public_reports}.
 */
public final class ReportingTopology {

    /** The Kafka Streams application id (also the prefix of its internal topics). */
    public static final String APPLICATION_ID = "acopi-reporting-streams";
    /** Per {py}:{tin}:{npi}: the participant and its stored contribution ({@link ParticipantState}). */
    public static final String PARTICIPANTS_STORE = "report-participants";
    /** Per {acoId}:{py}: the report's running sums ({@link ReportTally}). */
    public static final String TALLIES_STORE = "report-tallies";
    /** Per {acoId}:{py}:{tin}: the TIN's running sums ({@link TinTally}). */
    public static final String TIN_TALLIES_STORE = "report-tin-tallies";

    private ReportingTopology() {
    }

    /** The changelog topic of one of this topology's stores: what the sinks read. */
    public static String changelog(String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<ContributionChange> changes = new JsonSerde<>(ContributionChange.class);
        // cached: the changelogs (and so the sinks' writes) get the last value per key per commit, not every change
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTICIPANTS_STORE),
                Serdes.String(), new JsonSerde<>(ParticipantState.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TALLIES_STORE),
                Serdes.String(), new JsonSerde<>(ReportTally.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIN_TALLIES_STORE),
                Serdes.String(), new JsonSerde<>(TinTally.class)).withCachingEnabled());

        // 1. MSSP PI determinations and final PI scores, both keyed {py}:{tin}:{npi} by their writers' default
        //    partitioner, so one task sees both parts of a TIN/NPI: check each at the edge and map it to a part
        KStream<String, ParticipantUpdate> eligibility = source(builder, Topics.PARTICIPANT_ELIGIBILITY)
                .processValues(() -> new EdgeMapper<ParticipantEligibility, ParticipantUpdate>(EventMapping::eligibility),
                        Named.as("check-eligibility"));
        KStream<String, ParticipantUpdate> scores = source(builder, Topics.CLINICIAN_SCORES)
                .processValues(() -> new EdgeMapper<ClinicianScore, ParticipantUpdate>(EventMapping::clinicianScore),
                        Named.as("check-clinician-score"));

        // 2. Per TIN/NPI: keep the newer part, store the participant with its new contribution, and send the ACO the
        //    change {stored old contribution, new contribution} keyed {acoId}:{py}
        KStream<String, ContributionChange> contributions = eligibility
                .merge(scores, Named.as("participant-parts"))
                .process(ParticipantProcessor::new, Named.as("apply-participant"), PARTICIPANTS_STORE);

        // 3. To the ACO's task: the one hop an ACO-wide sum needs
        KStream<String, ContributionChange> byAco = contributions
                .repartition(Repartitioned.with(Serdes.String(), changes).withName("report-changes"));

        // 4. APM entity scores, keyed {acoId}:{py} like the changes, join the ACO's report as they are
        KStream<String, ContributionChange> apmEntityScores = source(builder, Topics.APM_ENTITY_SCORES)
                .processValues(() -> new EdgeMapper<ApmEntityScore, ContributionChange>(
                        (key, score, version) -> ContributionChange.of(EventMapping.apmEntityScore(key, score, version))),
                        Named.as("check-apm-entity-score"));

        // 5. Per ACO and PY: take the old contribution away from the TIN's and the ACO's sums and add the new
        byAco.merge(apmEntityScores, Named.as("report-changes-and-apm-scores"))
                .process(ReportProcessor::new, Named.as("apply-to-report"), TALLIES_STORE, TIN_TALLIES_STORE);
        return builder.build();
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde())
                .withName("read-" + topic.name().replace("acopi.", "").replace(".v1", "")));
    }
}
