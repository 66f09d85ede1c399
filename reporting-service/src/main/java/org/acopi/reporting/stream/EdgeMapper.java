package org.acopi.reporting.stream;

import java.time.Instant;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;
import org.acopi.support.metrics.EventMetrics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Validates each event of an input topic at the edge and maps it into the read models' terms with its record as the
 * version; a bad one (a tombstone too) throws {@link InvalidEventException} and the shared processing handler
 * dead-letters it to {@code <topic>-dlt} with its reason code.
 */
final class EdgeMapper<V, R> implements FixedKeyProcessor<String, V, R> {

    /** The edge check and mapping of one event, e.g. {@code EventMapping::eligibility}. */
    @FunctionalInterface
    interface Mapping<V, R> {
        R map(String key, V value, SourceVersion version);
    }

    private final Mapping<V, R> mapping;
    private FixedKeyProcessorContext<String, R> context;

    EdgeMapper(Mapping<V, R> mapping) {
        this.mapping = mapping;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, R> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (record.value() == null) {
            throw new InvalidEventException(DeadLetters.REASON_MISSING_VALUE, "the record has no value");
        }
        var metadata = context.recordMetadata().orElseThrow();
        SourceVersion version = new SourceVersion(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
        R mapped = mapping.map(record.key(), record.value(), version);
        EventMetrics.processed(metadata.topic());
        context.forward(record.withValue(mapped));
    }
}
