package org.acopi.support.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.acopi.contracts.EventSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes what a dead-letter publisher hands over: the original bytes of an undecodable record unchanged, or a
 * decoded acopi event re-encoded with its own serde.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    private final Map<Class<?>, Serializer<SpecificRecord>> serializers = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof SpecificRecord event) {
            return serializers.computeIfAbsent(event.getClass(),
                    c -> (Serializer) EventSerdes.serde((Class<SpecificRecord>) c).serializer()).serialize(topic, event);
        }
        if (data instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new SerializationException("cannot dead-letter a " + data.getClass().getName());
    }
}
