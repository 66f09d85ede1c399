package org.acopi.contracts;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic of the acopi event catalogue: its name and the serdes of its key and value. Every topic has one
 * writing service (design.md §4); its dead-letter topic {@code <name>-dlt} is written by the service that consumes it.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public String deadLetterName() {
        return name + DEAD_LETTER_SUFFIX;
    }

    @Override
    public String toString() {
        return name;
    }
}
