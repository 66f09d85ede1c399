package org.acopi.support.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counters of the HTTP ingestion endpoints on {@code /actuator/prometheus}: {@code acopi_ingest_rejected_total}
 * {endpoint, reason} (a stable problem or HTTP code) and {@code acopi_ingest_accepted_total}{endpoint}. Tags are
 * endpoint names and codes only, never a TIN, NPI or submitter token.
 */
public final class IngestMetrics {

    public static final String REJECTED = "acopi.ingest.rejected";
    public static final String ACCEPTED = "acopi.ingest.accepted";

    private IngestMetrics() {
    }

    public static void rejected(String endpoint, String reason) {
        Counter.builder(REJECTED).tag("endpoint", endpoint).tag("reason", reason)
                .description("ingestion requests or rows rejected").register(Metrics.globalRegistry).increment();
    }

    public static void accepted(String endpoint, int count) {
        Counter.builder(ACCEPTED).tag("endpoint", endpoint)
                .description("submissions or rows accepted and published").register(Metrics.globalRegistry).increment(count);
    }
}
