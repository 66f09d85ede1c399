package org.acopi.reporting.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.participants.ParticipantRepository;
import org.acopi.reporting.participants.StoredParticipant;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.reporting.publicreport.ReportTally;
import org.acopi.reporting.publicreport.ParticipantState;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;
import org.acopi.support.kafka.ListenerDeadLetters;
import org.acopi.support.metrics.EventMetrics;
import org.acopi.support.streams.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The batch listeners (consumer group {@code acopi-reporting}) that write the read models of design.md §6. Two are
 * sinks of the reporting topology's changelogs: the participants (latest MSSP PI determination, 42 CFR 425.507, and
 * final PI score per TIN/NPI) and the public reports' running sums (42 CFR 425.308(b)(9)); per batch they keep the last
 * record of each key and write them in one bulk of {@code _id}-pinned upserts, with no read first. The third stores
 * the ACO profiles, which give the legal name an ACO publishes its page under (42 CFR 425.308); a bad profile (a
 * tombstone too) is dead-lettered alone, after the records before it are stored.
 */
@Component
class ReportingListeners {

    private static final JsonSerde<ParticipantState> PARTICIPANT_STATES = new JsonSerde<>(ParticipantState.class);
    private static final JsonSerde<ReportTally> TALLIES = new JsonSerde<>(ReportTally.class);

    private final ParticipantRepository participants;
    private final PublicReports reports;
    private final AcoProfileRepository profiles;

    ReportingListeners(ParticipantRepository participants, PublicReports reports, AcoProfileRepository profiles) {
        this.participants = participants;
        this.reports = reports;
        this.profiles = profiles;
    }

    @KafkaListener(id = "reporting-participants-sink", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.reporting.stream.ReportingTopology).changelog(T(org.acopi.reporting.stream.ReportingTopology).PARTICIPANTS_STORE)}",
            properties = {"value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "allow.auto.create.topics=false"})
    void onParticipantStates(List<ConsumerRecord<String, byte[]>> records) {
        participants.store(latest(records, bytes -> {
            ParticipantState state = PARTICIPANT_STATES.deserialize(null, bytes);
            return new StoredParticipant(state.participant(), state.revision());
        }));
    }

    @KafkaListener(id = "reporting-public-reports-sink", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.reporting.stream.ReportingTopology).changelog(T(org.acopi.reporting.stream.ReportingTopology).TALLIES_STORE)}",
            properties = {"value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "allow.auto.create.topics=false"})
    void onReportTallies(List<ConsumerRecord<String, byte[]>> records) {
        reports.store(latest(records, bytes -> TALLIES.deserialize(null, bytes)));
    }

    @KafkaListener(id = "reporting-aco-profiles", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.contracts.Topics).ACO_PROFILES.name()}")
    void onAcoProfiles(List<ConsumerRecord<String, Object>> records) {
        consume(records, EventMapping::acoProfile, profiles::apply);
    }

    /** The last value of each key in the batch (a changelog partition is read in offset order); deletions are skipped. */
    private static <T> List<T> latest(List<ConsumerRecord<String, byte[]>> records, Function<byte[], T> decode) {
        Map<String, byte[]> last = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            last.remove(record.key());
            if (record.value() != null) {
                last.put(record.key(), record.value());
            }
        }
        return last.values().stream().map(decode).toList();
    }

    private static <T> void consume(List<ConsumerRecord<String, Object>> records,
                                    Function<ConsumerRecord<String, Object>, T> validate, Consumer<List<T>> apply) {
        List<T> accepted = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (record.value() == null && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                applied(records, accepted, apply, i);
                throw ListenerDeadLetters.undecodable(records, i);
            }
            try {
                if (record.value() == null) {
                    throw new InvalidEventException(DeadLetters.REASON_MISSING_VALUE, "the record has no value");
                }
                accepted.add(validate.apply(record));
            } catch (InvalidEventException e) {
                applied(records, accepted, apply, i);
                throw ListenerDeadLetters.rejected(e, i);
            }
        }
        applied(records, accepted, apply, records.size());
    }

    private static <T> void applied(List<ConsumerRecord<String, Object>> records, List<T> accepted, Consumer<List<T>> apply,
                                    int processed) {
        apply.accept(accepted);
        if (processed > 0) {
            EventMetrics.processed(records.get(0).topic(), processed);
        }
    }
}
