package org.acopi.support.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.acopi.contracts.SingleObjectAvroSerde;
import org.acopi.contracts.Topic;
import org.acopi.contracts.TinPartitioner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes what an ingestion endpoint accepted to its input topic: keys and values through the topic catalogue's
 * serdes, an idempotent producer with {@code acks=all} (a producer retry never writes a record twice), created on
 * first use so that a service starts without a broker. {@link #publish} returns once every record is acknowledged,
 * so a 2xx answer means the data is in Kafka; on failure it throws {@link Unavailable} (answered 503). A record over
 * {@link SingleObjectAvroSerde#MAX_EVENT_BYTES} is refused before anything is sent ({@link TooLarge}, answered 413):
 * Kafka would refuse it, and retrying would not help.
 */
public final class IngestPublisher implements AutoCloseable {

    /** One record to publish. */
    public record Outgoing<V>(Topic<String, V> topic, String key, V value) {
    }

    /** Kafka did not acknowledge in time. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A record is larger than any acopi event may be; nothing was published. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Object> config;
    private volatile Producer<byte[], byte[]> producer;

    public IngestPublisher(Map<String, Object> producerProperties, String clientId) {
        Map<String, Object> config = new java.util.HashMap<>(producerProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // each TIN on one partition of every topic, where the services process it without a repartition (design.md §5a)
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, TinPartitioner.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.config = Map.copyOf(config);
    }

    public void publish(List<Outgoing<?>> records) {
        List<ProducerRecord<byte[], byte[]>> encoded = new ArrayList<>(records.size());
        for (Outgoing<?> record : records) {
            ProducerRecord<byte[], byte[]> r = record(record);
            if (r.value() != null && r.value().length > SingleObjectAvroSerde.MAX_EVENT_BYTES) {
                throw new TooLarge("an event would have " + r.value().length + " bytes, more than "
                        + SingleObjectAvroSerde.MAX_EVENT_BYTES);
            }
            encoded.add(r);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<byte[], byte[]> record : encoded) {
                acks.add(producer().send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(35, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new Unavailable("Kafka did not take the records: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new Unavailable("Kafka did not acknowledge the records in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while publishing", e);
        }
    }

    private static <V> ProducerRecord<byte[], byte[]> record(Outgoing<V> out) {
        String topic = out.topic().name();
        return new ProducerRecord<>(topic, out.topic().keySerde().serializer().serialize(topic, out.key()),
                out.topic().valueSerde().serializer().serialize(topic, out.value()));
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
