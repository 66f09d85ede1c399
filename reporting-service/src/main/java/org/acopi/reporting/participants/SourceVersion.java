package org.acopi.reporting.participants;

import java.time.Instant;
import java.util.Objects;

/**
 * The Kafka record a part of a participant came from. Records of one key stay in one partition, so on the same topic
 * and partition a higher offset is a later version of that key; reporting keeps a part only when the incoming offset
 * is higher than the stored one, which makes duplicates, reordering and redelivery after a crash change nothing
 * (design.md §5). A key's records move to another partition only when the topic was re-partitioned; offsets of
 * different partitions say nothing about order, so a record from another topic or partition than the stored one
 * replaces it (re-partition at zero consumer lag, so that no older record of the key is still unread). A topic
 * re-created with the same partitions is not detectable here: its read models must be dropped and rebuilt.
 */
public record SourceVersion(String topic, int partition, long offset, Instant timestamp) {

    /** Whether both records come from the same topic and partition, where offsets order them. */
    public boolean sameSourceAs(SourceVersion other) {
        return other != null && Objects.equals(topic, other.topic) && partition == other.partition;
    }

    /** Whether this record replaces the stored one: nothing stored, another source, or a higher offset. */
    public boolean isNewerThan(SourceVersion stored) {
        return stored == null || !sameSourceAs(stored) || offset > stored.offset;
    }

    /**
     * Of two records of one key in one batch, whether this one is the later: on the same partition by offset; across
     * partitions (only while a re-partitioned topic drains) by record timestamp, else this one, received later.
     */
    public boolean isLaterInBatchThan(SourceVersion earlier) {
        if (sameSourceAs(earlier)) {
            return offset > earlier.offset;
        }
        return timestamp == null || earlier.timestamp == null || !timestamp.isBefore(earlier.timestamp);
    }
}
