package org.acopi.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-topic event counters every service exposes on {@code /actuator/prometheus}. Tags are topic names only:
 * never a TIN or NPI.
 */
public final class EventMetrics {

    public static final String PROCESSED_METRIC = "acopi.events.processed";

    private static final Map<String, Counter> PROCESSED = new ConcurrentHashMap<>();

    private EventMetrics() {
    }

    public static void processed(String topic) {
        PROCESSED.computeIfAbsent(topic, t -> Counter.builder(PROCESSED_METRIC).tag("topic", t)
                .description("events taken from a topic").register(Metrics.globalRegistry)).increment();
    }

    public static void processed(String topic, int count) {
        PROCESSED.computeIfAbsent(topic, t -> Counter.builder(PROCESSED_METRIC).tag("topic", t)
                .description("events taken from a topic").register(Metrics.globalRegistry)).increment(count);
    }
}
