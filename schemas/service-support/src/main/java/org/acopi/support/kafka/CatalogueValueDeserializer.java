package org.acopi.support.kafka;

import java.util.Map;
import java.util.stream.Collectors;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A value deserializer for consumers that read several acopi topics: it decodes each record with the value serde the
 * {@link Topics} catalogue names for the record's topic. Wrap it in spring-kafka's ErrorHandlingDeserializer so that
 * undecodable bytes reach the dead-letter recoverer instead of stopping the consumer.
 */
public class CatalogueValueDeserializer implements Deserializer<Object> {

    private static final Map<String, Deserializer<?>> BY_TOPIC = Topics.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, t -> t.valueSerde().deserializer()));

    @Override
    public Object deserialize(String topic, byte[] data) {
        Deserializer<?> delegate = BY_TOPIC.get(topic);
        if (delegate == null) {
            throw new SerializationException("topic " + topic + " is not in the acopi catalogue");
        }
        return delegate.deserialize(topic, data);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // the catalogue is the configuration
    }
}
