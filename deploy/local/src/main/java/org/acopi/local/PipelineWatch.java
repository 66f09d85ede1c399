package org.acopi.local;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when the pipeline has caught up with its input: every service's consumer group has members and has
 * committed up to the last committed-transaction offset of every partition it reads (its assigned and committed
 * partitions), and that state held across two polls with unchanged end offsets.
 */
final class PipelineWatch {

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

    PipelineWatch(Admin admin, List<String> groups) {
        this.admin = admin;
        this.groups = groups;
    }

    /** Polls until caught up (stable over two polls); returns false on timeout. */
    boolean awaitCaughtUp(Duration timeout) {
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
                long lag = 0;
                for (TopicPartition tp : partitionsByGroup.get(group)) {
                    OffsetAndMetadata committed = committedByGroup.get(group).get(tp);
                    long position = committed == null ? 0 : committed.offset();
                    lag += Math.max(0, ends.getOrDefault(tp, 0L) - position);
                }
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
