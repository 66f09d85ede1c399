package org.acopi.eligibility.ingest;

import org.acopi.contracts.Topic;

/** One good row of a participant input as the event to publish: topic, key (by {@code EventKeys}), value, origin. */
public record ParsedEvent<V>(Topic<String, V> topic, String key, V value, String source, int line) {
}
