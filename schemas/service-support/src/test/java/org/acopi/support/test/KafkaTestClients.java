package org.acopi.support.test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.acopi.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw Kafka clients for embedded-broker tests (shipped in the service-support test jar): a byte-level producer, so a
 * test can send bad bytes as well as events, and a read-committed consumer, as downstream services read.
 */
public final class KafkaTestClients {

    private KafkaTestClients() {
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static KafkaConsumer<String, byte[]> readCommittedConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The record an external producer would write for {@code value}, encoded with the topic's serde. */
    public static <V> ProducerRecord<String, byte[]> record(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    public static <V> Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value) {
        return producer.send(record(topic, key, value));
    }

    public static <V> V decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
}
