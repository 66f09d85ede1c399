package org.acopi.support.streams;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.acopi.contracts.TinPartitioner;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The Kafka Streams side of {@link TinPartitioner} (design.md §5a): the partitioner for sinks and repartition topics
 * that keep a TIN's records on its partition, one that sends a record to every partition (the fan-out of a wide
 * entity such as an ACO profile), and the ingress check that lets a topology process records already on their TIN's
 * partition where they are and move only the others.
 */
public final class TinPlacement {

    private TinPlacement() {
    }

    /** Places a record on its TIN's partition. */
    public static <V> StreamPartitioner<String, V> byTin() {
        return (topic, key, value, partitions) -> Optional.of(Set.of(TinPartitioner.partition(key, partitions)));
    }

    /** Sends a record to every partition of the topic. */
    public static <V> StreamPartitioner<String, V> toEveryPartition() {
        return (topic, key, value, partitions) ->
                Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The ingress step: the records of {@code stream} read from their TIN's partition as they are, merged with the
     * others moved there through the repartition topic {@code <name>-repartition} (only those cost a write), for input
     * topics of {@code partitions} partitions.
     */
    public static <V> KStream<String, V> onTinPartition(KStream<String, V> stream, String name, Serde<V> serde, int partitions) {
        KStream<String, V> moved = stream
                .processValues(() -> TinPlacement.<V>filter(partitions, false), Named.as(name + "-off-partition"))
                .repartition(Repartitioned.<String, V>as(name).withKeySerde(Serdes.String()).withValueSerde(serde)
                        .withStreamPartitioner(byTin()));
        return stream.processValues(() -> TinPlacement.<V>filter(partitions, true), Named.as(name + "-on-partition"))
                .merge(moved, Named.as(name + "-placed"));
    }

    /**
     * Passes the records that were read from the partition {@link TinPartitioner} gives their key
     * ({@code onTinPartition} true) or the others (false), for input topics of {@code partitions} partitions.
     */
    public static <V> FixedKeyProcessor<String, V, V> filter(int partitions, boolean onTinPartition) {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, V> context;

            @Override
            public void init(FixedKeyProcessorContext<String, V> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, V> record) {
                int partition = context.recordMetadata().map(m -> m.partition()).orElse(-1);
                boolean placed = partition == TinPartitioner.partition(record.key(), partitions);
                if (placed == onTinPartition) {
                    context.forward(record);
                }
            }
        };
    }
}
