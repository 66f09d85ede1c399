package org.acopi.eligibility.stream;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.acopi.contracts.EventKeys;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.EligibilityDecider;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.HardshipDecisions;
import org.acopi.eligibility.domain.InputProblem;
import org.acopi.eligibility.domain.InputValidator;
import org.acopi.eligibility.domain.RosterPosition;
import org.acopi.eligibility.domain.Versions;
import org.acopi.events.AcoProfile;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.HardshipDecision;
import org.acopi.events.ParticipantEligibility;
import org.acopi.events.RosterEntry;
import org.acopi.support.deadletter.InvalidEventException;
import org.acopi.support.metrics.EventMetrics;
import org.acopi.support.streams.GuardedForward;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The eligibility-service Kafka Streams topology: keeps the newest version of every input (ACO profiles, the
 * participation list by APM snapshot, QPP facts per TIN/NPI and per TIN, hardship decisions per TIN/NPI and whole
 * TIN), joins them per rostered TIN/NPI and publishes the MSSP PI reporting determination of docs/pi-rules.md §7 and §11
 * (PY2025 and later) to {@code acopi.participant-eligibility.v1} whenever it or the versions of its inputs change. Invalid input goes to the
 * source topic's {@code -dlt} through the shared processing handler.
 */
public final class EligibilityTopology {

    /** Newest roster record and newest record up to the deciding snapshot, per {py}:{tin}:{npi}. */
    public static final String ROSTER_STORE = "roster-positions";
    /** Newest QPP facts per {py}:{tin}:{npi}. */
    public static final String FACTS_STORE = "clinician-facts";
    /**
     * Newest QPP facts record of any NPI of each TIN, per {py}:{tin}: every record states the TIN's current TIN-level
     * statuses, so the newest decides them for every NPI of the TIN (an empty list clears them).
     */
    public static final String TIN_FACTS_STORE = "tin-facts";
    /** Newest hardship decision per basis, per {py}:{tin}:{npi} and {py}:{tin}:*. */
    public static final String HARDSHIPS_STORE = "hardships";
    /** Newest ACO profile per {acoId}:{py}. */
    public static final String ACO_PROFILES_STORE = "aco-profiles";
    /** Last determination published per {py}:{tin}:{npi} (queryable). */
    public static final String DETERMINATIONS_STORE = "determinations";

    private EligibilityTopology() {
    }

    public static Topology build(EligibilityRules rules) {
        InputValidator validator = new InputValidator(rules);
        EligibilityDecider decider = new EligibilityDecider(rules);
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<RosterPosition> positionSerde = StateSerdes.rosterPosition();
        Serde<ClinicianInputs> inputsSerde = StateSerdes.clinicianInputs();

        // ACO profiles: validate at the edge, keep the latest update per {acoId}:{py}
        KTable<String, AcoProfile> acoProfiles = source(builder, Topics.ACO_PROFILES)
                .mapValues((key, profile) -> accept(Topics.ACO_PROFILES, key, validator.acoProfile(key, profile), profile),
                        Named.as("validate-aco-profiles"))
                .groupByKey(Grouped.with(keys, Topics.ACO_PROFILES.valueSerde()))
                .reduce(Versions::newer, store(ACO_PROFILES_STORE, Topics.ACO_PROFILES.valueSerde()));

        // Participation list: validate, then per TIN/NPI keep the newest record (highest snapshot, then latest
        // recordedAt) and the newest one up to the deciding snapshot (Snapshot 3); a late older snapshot changes nothing
        KTable<String, RosterPosition> roster = source(builder, Topics.ROSTER)
                .mapValues((key, entry) -> accept(Topics.ROSTER, key, validator.roster(key, entry), entry),
                        Named.as("validate-roster"))
                .groupByKey(Grouped.with(keys, Topics.ROSTER.valueSerde()))
                .aggregate(() -> null,
                        (key, entry, position) -> {
                            int deciding = rules.forYear(entry.getPerformanceYear()).decidingSnapshot();
                            return position == null ? RosterPosition.of(entry, deciding) : position.with(entry, deciding);
                        },
                        store(ROSTER_STORE, positionSerde));

        // QPP facts: validate, keep the newest per TIN/NPI (highest snapshot, then latest asOf)
        KStream<String, ClinicianFacts> facts = source(builder, Topics.CLINICIAN_FACTS)
                .mapValues((key, value) -> accept(Topics.CLINICIAN_FACTS, key, validator.facts(key, value), value),
                        Named.as("validate-clinician-facts"));
        KTable<String, ClinicianFacts> clinicianFacts = facts
                .groupByKey(Grouped.with(keys, Topics.CLINICIAN_FACTS.valueSerde()))
                .reduce(Versions::newer, store(FACTS_STORE, Topics.CLINICIAN_FACTS.valueSerde()));

        // TIN-level statuses: re-key the facts by {py}:{tin} and keep the newest statement about the TIN from any NPI
        KTable<String, ClinicianFacts> tinFacts = facts
                .groupBy((key, value) -> EventKeys.tin(value.getPerformanceYear(), value.getTin()),
                        Grouped.with("facts-by-tin", keys, Topics.CLINICIAN_FACTS.valueSerde()))
                .reduce(Versions::newer, store(TIN_FACTS_STORE, Topics.CLINICIAN_FACTS.valueSerde()));

        // Hardship decisions: validate, keep the latest decision per basis for each {py}:{tin}:{npi} and whole TIN
        // {py}:{tin}:*, so a new application on one basis leaves an approval on another standing
        KTable<String, List<HardshipDecision>> hardships = source(builder, Topics.HARDSHIPS)
                .mapValues((key, decision) -> accept(Topics.HARDSHIPS, key, validator.hardship(key, decision), decision),
                        Named.as("validate-hardships"))
                .groupByKey(Grouped.with(keys, Topics.HARDSHIPS.valueSerde()))
                .aggregate(List::<HardshipDecision>of, (key, decision, latest) -> HardshipDecisions.with(latest, decision),
                        store(HARDSHIPS_STORE, StateSerdes.hardships()));

        // Per rostered TIN/NPI: its facts and its own hardship share the roster key; the whole-TIN hardship, the TIN's
        // statuses and the ACO profile are foreign keys, so a change to any of them re-evaluates every clinician using it
        KTable<String, ClinicianInputs> inputs = roster
                .leftJoin(clinicianFacts, ClinicianInputs::of, Named.as("join-facts"),
                        store("inputs-with-facts", inputsSerde))
                .leftJoin(hardships, ClinicianInputs::withClinicianHardships, Named.as("join-clinician-hardship"),
                        store("inputs-with-hardship", inputsSerde))
                .leftJoin(hardships, in -> EventKeys.wholeTin(year(in), tin(in)), ClinicianInputs::withTinHardships,
                        TableJoined.as("join-tin-hardship"), store("inputs-with-tin-hardship", inputsSerde))
                .leftJoin(tinFacts, in -> EventKeys.tin(year(in), tin(in)), ClinicianInputs::withTinFacts,
                        TableJoined.as("join-tin-facts"), store("inputs-with-tin-facts", inputsSerde))
                .leftJoin(acoProfiles, in -> EventKeys.acoYear(in.roster().latest().getAcoId(), year(in)),
                        ClinicianInputs::withAcoProfile, TableJoined.as("join-aco-profile"), store("inputs", inputsSerde));

        // Decide, and publish whenever the determination, its input versions included, differs from the last one
        // published for the TIN/NPI: any input change is published (a hardship going PENDING -> DENIED too), while an
        // exact duplicate or a replay rebuilds an identical record and publishes nothing
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DETERMINATIONS_STORE), keys,
                Topics.PARTICIPANT_ELIGIBILITY.valueSerde()));
        inputs.toStream(Named.as("joined-inputs"))
                .filter((key, in) -> in != null, Named.as("skip-deletions"))
                .mapValues(in -> decider.decide(in.toDecisionInputs()), Named.as("decide"))
                .processValues(() -> new GuardedForward<ParticipantEligibility, ParticipantEligibility>(DETERMINATIONS_STORE,
                                FixedKeyRecord::key, Function.identity(), (previous, incoming) -> !incoming.equals(previous)),
                        Named.as("emit-on-change"), DETERMINATIONS_STORE)
                .to(Topics.PARTICIPANT_ELIGIBILITY.name(),
                        Produced.with(keys, Topics.PARTICIPANT_ELIGIBILITY.valueSerde()).withName("publish-eligibility"));
        return builder.build();
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName("read-" + shortName(topic)));
    }

    /**
     * The value when it has no problem; otherwise the record goes to {@code <topic>-dlt} with the first problem's code.
     * A record without a key matches no value ({@code KEY_MISMATCH}): Kafka Streams would drop it unseen at the store.
     */
    private static <V> V accept(Topic<String, V> topic, String key, List<InputProblem> problems, V value) {
        if (problems.isEmpty() && key == null) {
            problems = List.of(new InputProblem(InputProblem.KEY_MISMATCH, "key", "the record has no key"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems.get(0).code(),
                    problems.stream().map(InputProblem::message).collect(Collectors.joining("; ")),
                    problems.stream().map(InputProblem::code).toList());
        }
        EventMetrics.processed(topic.name());
        return value;
    }

    private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(String name, Serde<V> valueSerde) {
        return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(Serdes.String()).withValueSerde(valueSerde);
    }

    private static int year(ClinicianInputs in) {
        return in.roster().latest().getPerformanceYear();
    }

    private static String tin(ClinicianInputs in) {
        return in.roster().latest().getTin();
    }

    private static String shortName(Topic<?, ?> topic) {
        return topic.name().replace("acopi.", "").replace(".v1", "");
    }
}
