package org.acopi.eligibility.stream;

import java.util.List;
import java.util.stream.Collectors;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.domain.InputProblem;
import org.acopi.eligibility.domain.InputValidator;
import org.acopi.support.deadletter.InvalidEventException;
import org.acopi.support.metrics.EventMetrics;
import org.acopi.support.streams.TinPlacement;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The eligibility-service Kafka Streams topology (design.md §5a): every roster, QPP facts and hardship record is
 * processed on its TIN's partition, where the rest of its TIN is, and decides the MSSP PI reporting determination of
 * docs/pi-rules.md §7 and §11 (PY2025 and later) for exactly the TIN/NPIs it concerns, published to
 * {@code acopi.participant-eligibility.v1} on the same TIN partition whenever it or the versions of its inputs change.
 * ACO profiles, the one wide input, reach every partition by an explicit fan-out and re-decide only that ACO's
 * clinicians. No foreign-key join, subscription topic or per-ACO read is involved. Invalid input goes to the source
 * topic's {@code -dlt} through the shared processing handler.
 */
public final class EligibilityTopology {

    /** Per {py}:{tin}:{npi}: roster position, newest facts, own hardships per basis, last determination published. */
    public static final String CLINICIANS_STORE = "clinicians";
    /** Per {py}:{tin}: the newest TIN-level statuses (from any NPI's facts) and whole-TIN hardships per basis. */
    public static final String TINS_STORE = "tins";
    /** Newest ACO profile per {acoId}:{py}; every task holds every profile. */
    public static final String ACO_PROFILES_STORE = "aco-profiles";
    /** Index {acoId}:{py}:{py}:{tin}:{npi} of the TIN/NPIs each ACO lists now, for the profile fan-out. */
    public static final String ACO_MEMBERS_STORE = "aco-members";

    private EligibilityTopology() {
    }

    /**
     * @param rules the eligibility rules of every supported PY
     * @param inputPartitions the partition count of the input topics (acopi.topics.partitions), against which the
     *        ingress check tells records on their TIN's partition from those a producer placed elsewhere
     */
    public static Topology build(EligibilityRules rules, int inputPartitions) {
        InputValidator validator = new InputValidator(rules);
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<EligibilityInput> inputSerde = StateSerdes.input();

        // 1. Validate each TIN-level input at the edge (a rejected record goes to its topic's -dlt with its code)
        KStream<String, EligibilityInput> roster = source(builder, Topics.ROSTER)
                .mapValues((key, entry) -> EligibilityInput.of(accept(Topics.ROSTER, key, validator.roster(key, entry), entry)),
                        Named.as("validate-roster"));
        KStream<String, EligibilityInput> facts = source(builder, Topics.CLINICIAN_FACTS)
                .mapValues((key, value) -> EligibilityInput.of(accept(Topics.CLINICIAN_FACTS, key, validator.facts(key, value), value)),
                        Named.as("validate-clinician-facts"));
        KStream<String, EligibilityInput> hardships = source(builder, Topics.HARDSHIPS)
                .mapValues((key, decision) -> EligibilityInput.of(accept(Topics.HARDSHIPS, key, validator.hardship(key, decision), decision)),
                        Named.as("validate-hardships"));
        KStream<String, EligibilityInput> tinInputs = roster.merge(facts, Named.as("roster-and-facts"))
                .merge(hardships, Named.as("tin-inputs"));

        // 2. Ingress: a record read from its TIN's partition (acopi's producers use TinPartitioner) stays; one that an
        //    external producer placed elsewhere is moved there through one repartition topic
        KStream<String, EligibilityInput> placed = TinPlacement.onTinPartition(tinInputs, "inputs-by-tin", inputSerde, inputPartitions);

        // 3. ACO profiles: validate, then fan out to every partition, where each task re-decides the ACO's NPIs it holds
        KStream<String, EligibilityInput> profiles = source(builder, Topics.ACO_PROFILES)
                .mapValues((key, profile) -> EligibilityInput.of(accept(Topics.ACO_PROFILES, key, validator.acoProfile(key, profile), profile)),
                        Named.as("validate-aco-profiles"))
                .repartition(Repartitioned.<String, EligibilityInput>as("aco-profiles-to-every-partition").withKeySerde(keys)
                        .withValueSerde(inputSerde).withStreamPartitioner(TinPlacement.toEveryPartition()));

        // 4. Decide per TIN/NPI from the TIN's state on this partition and publish changed determinations, placed by TIN
        //    so that scoring-service reads each TIN on one partition too
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLINICIANS_STORE), keys,
                StateSerdes.clinicianState()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TINS_STORE), keys,
                StateSerdes.tinState()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACO_PROFILES_STORE), keys,
                Topics.ACO_PROFILES.valueSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACO_MEMBERS_STORE), keys, keys).withCachingEnabled());
        placed.merge(profiles, Named.as("with-aco-profiles"))
                .process(() -> new DeterminationProcessor(rules), Named.as("decide"),
                        CLINICIANS_STORE, TINS_STORE, ACO_PROFILES_STORE, ACO_MEMBERS_STORE)
                .to(Topics.PARTICIPANT_ELIGIBILITY.name(), Produced.with(keys, Topics.PARTICIPANT_ELIGIBILITY.valueSerde())
                        .withStreamPartitioner(TinPlacement.byTin()).withName("publish-eligibility"));
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

    private static String shortName(Topic<?, ?> topic) {
        return topic.name().replace("acopi.", "").replace(".v1", "");
    }
}
