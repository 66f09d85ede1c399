package org.acopi.scoring.stream;

import org.acopi.contracts.EventKeys;
import org.acopi.events.SubmissionScore;
import org.acopi.scoring.rollup.SubmissionVersion;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * pi-rules.md §11.2 within one submitter: forwards a scored submission only when it is that submitter's newest
 * version for the entity ({@link SubmissionVersion#supersedes}). Replays, duplicates and older versions arriving late
 * are dropped, so everything downstream sees each version once. The store is keyed {@code {entityKey}:{submitter}};
 * records stay keyed by entity, so every submitter of an entity is on the same partition.
 */
final class NewestPerSubmitter implements FixedKeyProcessor<String, SubmissionScore, SubmissionScore> {

    private final String storeName;
    private KeyValueStore<String, SubmissionVersion> versions;
    private FixedKeyProcessorContext<String, SubmissionScore> context;

    NewestPerSubmitter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SubmissionScore> context) {
        this.context = context;
        this.versions = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, SubmissionScore> record) {
        SubmissionScore score = record.value();
        String submitterKey = EventKeys.submissionScore(record.key(), score.getSubmitter());
        SubmissionVersion incoming = new SubmissionVersion(score.getSubmittedAt().toEpochMilli(), score.getSubmissionId(),
                score.getWithdrawn());
        if (incoming.supersedes(versions.get(submitterKey))) {
            versions.put(submitterKey, incoming);
            context.forward(record);
        }
    }
}
