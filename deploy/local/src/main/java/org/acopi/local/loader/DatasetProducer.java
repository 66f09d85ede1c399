package org.acopi.local.loader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.acopi.contracts.Identifiers;
import org.acopi.contracts.TinPartitioner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces a {@link Dataset}'s events to Kafka: keys and values through each topic's serdes, an idempotent producer
 * with {@code acks=all}. The events carry deterministic ids and timestamps, so producing the same dataset again
 * changes nothing downstream.
 */
public final class DatasetProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private volatile IllegalStateException firstFailure;

    public DatasetProducer(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** With client security settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) of a secured broker. */
    public DatasetProducer(String bootstrapServers, Map<String, String> security) {
        Properties config = new Properties();
        config.putAll(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "acopi-dataset-loader");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // each TIN on one partition of every topic, where the services process it without a repartition (design.md §5a)
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, TinPartitioner.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends every event, waits for every acknowledgement and returns the number sent per topic. */
    public Map<String, Integer> send(Dataset dataset) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<LoadEvent<?>> events = dataset.events();
        for (LoadEvent<?> event : events) {
            acks.add(producer.send(record(event)));
        }
        producer.flush();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("producing " + events.get(i).source() + " (key "
                        + Identifiers.maskKey(events.get(i).key()) + ") failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while producing the dataset", e);
            }
        }
        return dataset.countsByTopic();
    }

    /**
     * Sends one event without waiting (a stream of generated events); returns its size in bytes (key and value).
     * {@link #flush} waits for every event sent so far and throws if any failed.
     */
    public int sendAsync(LoadEvent<?> event) {
        ProducerRecord<byte[], byte[]> record = record(event);
        producer.send(record, (metadata, error) -> {
            if (error != null && firstFailure == null) {
                firstFailure = new IllegalStateException("producing an event (key " + Identifiers.maskKey(event.key())
                        + ") failed: " + error.getMessage(), error);
            }
        });
        return record.key().length + record.value().length;
    }

    /** Waits until every event sent so far is acknowledged; throws the first failure. */
    public void flush() {
        producer.flush();
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private static <V> ProducerRecord<byte[], byte[]> record(LoadEvent<V> event) {
        String topic = event.topic().name();
        byte[] key = event.topic().keySerde().serializer().serialize(topic, event.key());
        byte[] value = event.topic().valueSerde().serializer().serialize(topic, event.value());
        return new ProducerRecord<>(topic, key, value);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
