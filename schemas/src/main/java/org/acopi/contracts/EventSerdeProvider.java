package org.acopi.contracts;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes the Kafka serde of an event type; see {@link EventSerdes} for how a deployment chooses one. */
@FunctionalInterface
public interface EventSerdeProvider {
    <T extends SpecificRecord> Serde<T> serde(Class<T> type);
}
