package org.acopi.reporting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.acopi.reporting.participants.SourceVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts and logs the records the read models accept because they come from another topic or partition than the
 * stored version of their key ({@code acopi_reporting_source_partition_changed_total{topic}}): a sign that the topic
 * was re-partitioned (do that only at zero consumer lag). A topic re-created with the same partitions restarts its
 * offsets on the same partitions, which no version can tell: then drop and rebuild the read models. The log names topics and partitions only, never a key, TIN or NPI.
 */
@Component
public class SourcePartitionChanges {

    static final String METRIC = "acopi.reporting.source.partition.changed";
    private static final Logger log = LoggerFactory.getLogger(SourcePartitionChanges.class);

    private final MeterRegistry registry;

    public SourcePartitionChanges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Collects the changes of one batch; {@link Batch#report} counts and logs them once per topic. */
    public Batch batch() {
        return new Batch();
    }

    /** The partition changes seen in one batch, by incoming topic. */
    public final class Batch {

        private final Map<String, Integer> counts = new TreeMap<>();
        private final Map<String, String> examples = new TreeMap<>();

        private Batch() {
        }

        /** Notes the record if it replaces a stored version from another topic or partition. */
        public void note(SourceVersion incoming, SourceVersion stored) {
            if (stored != null && !incoming.sameSourceAs(stored)) {
                counts.merge(incoming.topic(), 1, Integer::sum);
                examples.putIfAbsent(incoming.topic(), stored.topic() + "/" + stored.partition() + "@" + stored.offset()
                        + " -> " + incoming.topic() + "/" + incoming.partition() + "@" + incoming.offset());
            }
        }

        public void report(String readModel) {
            counts.forEach((topic, count) -> {
                Counter.builder(METRIC).tag("topic", topic)
                        .description("records accepted because their key's stored version came from another topic or partition")
                        .register(registry).increment(count);
                log.warn("{}: {} record(s) of {} replace a stored version from another topic or partition (e.g. {}); "
                        + "accepted without comparing offsets: the topic was re-created or re-partitioned",
                        readModel, count, topic, examples.get(topic));
            });
        }
    }
}
