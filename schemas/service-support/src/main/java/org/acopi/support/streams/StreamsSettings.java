package org.acopi.support.streams;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration every acopi Streams application shares: exactly-once v2, dead-letter handlers for
 * undecodable and invalid records, string keys, and commit/caching settings sized for a small cluster. The same
 * properties serve the running service and its TopologyTestDriver tests.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties properties(String applicationId, String bootstrapServers, String stateDir,
                                        int replicationFactor, Map<String, ?> overrides) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // records that cannot be traced to a per-topic dead-letter topic still land somewhere visible
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, applicationId + "-dlt");
        // under exactly-once a record reaches the next sub-topology only when its transaction commits, and a clinician's
        // score crosses several foreign-key join topics: the interval is paid once per hop
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // the topologies chain several materialized joins: a cache that holds a commit interval's updates of every
        // store collapses them to one forward per key (at 10 MB, eviction forwarded most updates one by one)
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64 * 1024 * 1024L);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        if (overrides != null) {
            p.putAll(overrides);
        }
        return p;
    }

    /** Properties for a TopologyTestDriver: same handlers and serdes, no broker. */
    public static Properties forTests(String applicationId) {
        // under the module's target/ when run by Maven, so that test state never outlives a clean build
        String base = java.nio.file.Files.isDirectory(java.nio.file.Path.of("target"))
                ? "target/ttd-state" : System.getProperty("java.io.tmpdir") + "/acopi-ttd";
        Properties p = properties(applicationId, "dummy:1234", base + "/" + applicationId + "-" + System.nanoTime(), 1, Map.of());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        return p;
    }
}
