package org.acopi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Every key of the catalogue lands on its TIN's partition, and keys without a TIN part where Kafka would put them. */
class TinPartitionerTest {

    @Test
    void clinicianTinAndSubmissionKeysOfOneTinShareItsPartitionKey() {
        assertThat(TinPartitioner.partitionKey("2026:123456789:1234567893")).isEqualTo("2026:123456789");
        assertThat(TinPartitioner.partitionKey("2026:123456789:*")).isEqualTo("2026:123456789");
        assertThat(TinPartitioner.partitionKey("2026:INDIVIDUAL:123456789:1234567893")).isEqualTo("2026:123456789");
        assertThat(TinPartitioner.partitionKey("2026:GROUP:123456789")).isEqualTo("2026:123456789");
        assertThat(TinPartitioner.partitionKey("2026:GROUP:123456789:registry-x")).isEqualTo("2026:123456789");
    }

    @Test
    void wideEntitiesAreHashedWhole() {
        assertThat(TinPartitioner.partitionKey("A1234:2026")).isEqualTo("A1234:2026");
        assertThat(TinPartitioner.partitionKey("2026:APM_ENTITY:A1234")).isEqualTo("2026:APM_ENTITY:A1234");
        assertThat(TinPartitioner.partitionKey("2026:VIRTUAL_GROUP:VG-1")).isEqualTo("2026:VIRTUAL_GROUP:VG-1");
        int kafkaDefault = Utils.toPositive(Utils.murmur2("A1234:2026".getBytes(StandardCharsets.UTF_8))) % 12;
        assertThat(TinPartitioner.partition("A1234:2026", 12)).isEqualTo(kafkaDefault);
    }

    @Test
    void everyNpiOfATinGetsTheTinsPartition() {
        int tin = TinPartitioner.partition("2026:123456789", 12);
        assertThat(TinPartitioner.partition("2026:123456789:1234567893", 12)).isEqualTo(tin);
        assertThat(TinPartitioner.partition("2026:123456789:1518283847", 12)).isEqualTo(tin);
        assertThat(TinPartitioner.partition("2026:INDIVIDUAL:123456789:1518283847:registry-x", 12)).isEqualTo(tin);
    }

    @Test
    void aProducerPlacesByTheSerializedKeySoByteArrayKeysLandAlike() {
        Cluster cluster = new Cluster("c", List.of(),
                IntStream.range(0, 12).mapToObj(p -> new PartitionInfo("t", p, null, null, null)).toList(), Set.of(), Set.of());
        byte[] key = "2026:123456789:1234567893".getBytes(StandardCharsets.UTF_8);
        int placed = new TinPartitioner().partition("t", key, key, null, null, cluster);
        assertThat(placed).isEqualTo(TinPartitioner.partition("2026:123456789", 12));
    }
}
