package org.acopi.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by the services' Kafka plumbing ({@code acopi.topics.*}, {@code acopi.streams.*}).
 *
 * @param topics how missing topics are created at start-up
 * @param streams where Kafka Streams keeps its local state
 */
@ConfigurationProperties("acopi")
public record AcopiKafkaProperties(Topics topics, Streams streams) {

    public AcopiKafkaProperties {
        topics = topics == null ? new Topics(3, (short) 1, true) : topics;
        streams = streams == null ? new Streams(System.getProperty("java.io.tmpdir") + "/acopi-state") : streams;
    }

    /**
     * @param partitions partitions of every acopi topic (co-partitioned joins need them equal)
     * @param replicationFactor replication factor of topics this service creates
     * @param provision whether the service creates missing topics at start-up
     */
    public record Topics(Integer partitions, Short replicationFactor, Boolean provision) {
        public Topics {
            partitions = partitions == null ? 3 : partitions;
            replicationFactor = replicationFactor == null ? (short) 1 : replicationFactor;
            provision = provision == null || provision;
        }
    }

    /** @param stateDir the RocksDB state directory of this instance */
    public record Streams(String stateDir) {
    }
}
