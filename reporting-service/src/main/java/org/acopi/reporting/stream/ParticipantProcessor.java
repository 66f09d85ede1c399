package org.acopi.reporting.stream;

import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.publicreport.ContributionChange;
import org.acopi.reporting.publicreport.ParticipantState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per TIN/NPI and PY: {@link ParticipantState#apply} against the stored state; stores the new one and forwards its
 * changes keyed {@code {acoId}:{py}}. An update that changes nothing is neither stored nor forwarded.
 */
final class ParticipantProcessor implements Processor<String, ParticipantUpdate, String, ContributionChange> {

    private ProcessorContext<String, ContributionChange> context;
    private KeyValueStore<String, ParticipantState> participants;

    @Override
    public void init(ProcessorContext<String, ContributionChange> context) {
        this.context = context;
        this.participants = context.getStateStore(ReportingTopology.PARTICIPANTS_STORE);
    }

    @Override
    public void process(Record<String, ParticipantUpdate> record) {
        String id = record.value().participantId();
        ParticipantState.Applied applied = ParticipantState.apply(participants.get(id), record.value());
        if (applied == null) {
            return;
        }
        participants.put(id, applied.state());
        applied.changes().forEach(change -> context.forward(record.withKey(change.acoKey()).withValue(change)));
    }
}
