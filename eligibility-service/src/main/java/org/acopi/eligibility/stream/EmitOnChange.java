package org.acopi.eligibility.stream;

import java.util.Map;
import java.util.Objects;
import org.acopi.events.ParticipantEligibility;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards a determination only when it differs from the last one sent for the TIN/NPI, so duplicates, replays and
 * input updates that change nothing (a newer facts record with the same content, a re-sent ACO profile) produce no
 * output. Input versions alone do not count as a change.
 */
final class EmitOnChange implements FixedKeyProcessor<String, ParticipantEligibility, ParticipantEligibility> {

    private final String storeName;
    private FixedKeyProcessorContext<String, ParticipantEligibility> context;
    private KeyValueStore<String, ParticipantEligibility> lastSent;

    EmitOnChange(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParticipantEligibility> context) {
        this.context = context;
        this.lastSent = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, ParticipantEligibility> record) {
        ParticipantEligibility determination = record.value();
        if (determination == null) {
            return;
        }
        ParticipantEligibility previous = lastSent.get(record.key());
        if (previous != null && sameDecision(previous, determination)) {
            return;
        }
        lastSent.put(record.key(), determination);
        context.forward(record);
    }

    static boolean sameDecision(ParticipantEligibility a, ParticipantEligibility b) {
        Map<String, String> none = Map.of();
        return Objects.equals(ParticipantEligibility.newBuilder(a).setInputVersions(none).build(),
                ParticipantEligibility.newBuilder(b).setInputVersions(none).build());
    }
}
