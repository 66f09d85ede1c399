package org.acopi.local.loader;

import org.acopi.contracts.Topic;

/**
 * One event parsed from a dataset, ready to be produced: its topic, its key (built by
 * {@link org.acopi.contracts.EventKeys}), its value and where it came from ({@code file:line}).
 */
public record LoadEvent<V>(Topic<String, V> topic, String key, V value, String source) {
}
