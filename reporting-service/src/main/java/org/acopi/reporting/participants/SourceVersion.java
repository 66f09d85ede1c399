package org.acopi.reporting.participants;

import java.time.Instant;

/**
 * The Kafka record a part of a participant came from. Records of one key stay in one partition, so a higher offset is
 * a later version of that key; reporting keeps a part only when the incoming offset is higher than the stored one, which
 * makes duplicates, reordering and redelivery after a crash change nothing (design.md §5).
 */
public record SourceVersion(String topic, int partition, long offset, Instant timestamp) {

    public boolean isNewerThan(SourceVersion stored) {
        return stored == null || offset > stored.offset;
    }
}
