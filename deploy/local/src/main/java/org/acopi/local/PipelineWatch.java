package org.acopi.local;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Decides when the pipeline has caught up with its input: every service's consumer group has members and has
 * committed up to the last committed-transaction offset of every partition it reads (its assigned and committed
 * partitions), and that state held across two polls with unchanged end offsets. A gap between a committed offset and
 * the end that holds no record (the commit markers of the exactly-once producers upstream, which a listener that
 * commits "last record + 1" never passes) is not lag: such gaps are read to make sure.
 */
public final class PipelineWatch {

    record Lag(long total, Map<String, Long> byGroup, Map<TopicPartition, Long> endOffsets, List<String> notRunning) {

        boolean caughtUp() {
            return total == 0 && notRunning.isEmpty();
        }

        String describe() {
            String lags = byGroup.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            return notRunning.isEmpty() ? "lag " + lags : "lag " + lags + "; no members yet: " + notRunning;
        }
    }

    private final Admin admin;
    private final List<String> groups;

    /** Watches the consumer groups {@code groups} (Kafka Streams application ids or consumer group ids). */
    public PipelineWatch(Admin admin, List<String> groups) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
    }

    /** Polls until caught up (stable over two polls); returns false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Lag previous = null;
        Instant lastReport = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Lag lag = lag();
            if (lag.caughtUp() && previous != null && previous.caughtUp() && previous.endOffsets().equals(lag.endOffsets())) {
                return true;
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 10) {
                Progress.info("waiting for the pipeline: " + lag.describe());
                lastReport = Instant.now();
            }
            previous = lag;
            Sleeps.pause(Duration.ofMillis(1500));
        }
        return false;
    }

    Lag lag() {
        return lag(true);
    }

    /**
     * Lag from offsets alone, without reading the records in between: cheap enough to poll while the pipeline is
     * busy, but it counts transaction markers as records (at most about one per partition at rest).
     */
    Lag offsetLag() {
        return lag(false);
    }

    private Lag lag(boolean exact) {
        try {
            Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
            Map<String, Set<TopicPartition>> partitionsByGroup = new HashMap<>();
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup = new HashMap<>();
            List<String> notRunning = new java.util.ArrayList<>();
            Set<TopicPartition> all = new HashSet<>();
            for (String group : groups) {
                ConsumerGroupDescription description = descriptions.get(group);
                Set<TopicPartition> partitions = new HashSet<>();
                if (description == null || description.members().isEmpty()) {
                    notRunning.add(group);
                } else {
                    description.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
                }
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                partitions.addAll(committed.keySet());
                partitionsByGroup.put(group, partitions);
                committedByGroup.put(group, committed);
                all.addAll(partitions);
            }
            Map<TopicPartition, Long> ends = endOffsets(all);
            Map<String, Long> byGroup = new java.util.TreeMap<>();
            long total = 0;
            for (String group : groups) {
                Map<TopicPartition, Long> behind = new HashMap<>();
                for (TopicPartition tp : partitionsByGroup.get(group)) {
                    OffsetAndMetadata committed = committedByGroup.get(group).get(tp);
                    long position = committed == null ? 0 : committed.offset();
                    if (ends.getOrDefault(tp, 0L) > position) {
                        behind.put(tp, position);
                    }
                }
                long lag = behind.isEmpty() ? 0 : exact ? recordsBetween(behind, ends)
                        : behind.entrySet().stream().mapToLong(e -> ends.get(e.getKey()) - e.getValue()).sum();
                byGroup.put(group, lag);
                total += lag;
            }
            return new Lag(total, byGroup, ends, notRunning);
        } catch (ExecutionException e) {
            return new Lag(Long.MAX_VALUE, Map.of(), Map.of(), List.of("(admin error: " + e.getCause().getMessage() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Counts the records (not transaction markers) from each start offset up to the end offset, reading them. */
    private long recordsBetween(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException {
        String bootstrap = admin.describeCluster().nodes().get().stream()
                .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "acopi-local-stack-lag");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(starts.keySet());
            starts.forEach(consumer::seek);
            Instant deadline = Instant.now().plusSeconds(5);
            Set<TopicPartition> open = new HashSet<>(starts.keySet());
            while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(tp)) {
                        records++;
                    }
                }
                open.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
            }
            return open.isEmpty() ? records : Math.max(records, open.size());
        }
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
