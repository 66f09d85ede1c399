package org.acopi.local;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the missing topics of {@link TopicDefinitions} (every catalogue topic and its -dlt topic); existing ones are left alone. */
final class TopicSetup {

    private TopicSetup() {
    }

    static int createMissing(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TopicDefinitions.load().stream()
                    .filter(d -> !existing.contains(d.name()))
                    .map(d -> new NewTopic(d.name(), d.partitions(), (short) 1).configs(d.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating the topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
