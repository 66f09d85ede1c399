package org.acopi.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Places every record of one practice (TIN) in one performance year on the same partition number of every acopi
 * topic (design.md §5a), so that eligibility-service and scoring-service see a TIN's roster, QPP facts, hardships,
 * INDIVIDUAL and GROUP submissions and determinations in one task and need no join across partitions.
 *
 * <p>The partition is murmur2 of the key's TIN part, {@code {py}:{tin}}, modulo the partition count, the hash
 * Kafka's default partitioner applies to a whole key. Keys with a TIN part: {@code {py}:{tin}:{npi}} and
 * {@code {py}:{tin}:*} (roster, QPP facts, hardships, determinations, clinician scores),
 * {@code {py}:INDIVIDUAL:{tin}:{npi}} and {@code {py}:GROUP:{tin}} (submissions) and their
 * {@code ...:{submitter}} score keys. Every other key (ACO profiles, virtual-group and APM-entity submissions) is
 * hashed whole, exactly as the default partitioner would. Producers configure it with
 * {@code partitioner.class=org.acopi.contracts.TinPartitioner}; records of producers that do not are moved to their
 * TIN's partition by the consuming topology (one extra write for those records only).
 */
public final class TinPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        if (keyBytes == null) {
            throw new IllegalArgumentException("acopi records are keyed; " + topic + " got a record without a key");
        }
        // the serialized key, so that producers with String and byte[] keys place a record alike (keys are UTF-8)
        return partition(new String(keyBytes, StandardCharsets.UTF_8), cluster.partitionCountForTopic(topic));
    }

    /** The partition of {@code key} among {@code partitions}. */
    public static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(partitionKey(key).getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The part of {@code key} that decides its partition: {@code {py}:{tin}} when it has a TIN part, else the key. */
    public static String partitionKey(String key) {
        String[] parts = key.split(":", -1);
        if (parts.length < 2 || !isYear(parts[0])) {
            return key;
        }
        if (parts[1].equals("INDIVIDUAL") || parts[1].equals("GROUP")) {
            return parts.length >= 3 ? parts[0] + ":" + parts[2] : key;
        }
        if (parts[1].equals("VIRTUAL_GROUP") || parts[1].equals("APM_ENTITY")) {
            return key;
        }
        return parts.length >= 3 ? parts[0] + ":" + parts[1] : key;
    }

    private static boolean isYear(String part) {
        return part.length() == 4 && part.chars().allMatch(Character::isDigit);
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
