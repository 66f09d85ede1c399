package org.acopi.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Creates every topic of the catalogue and its {@code -dlt} topic when missing, in the background and retrying until
 * the broker answers, so that a service starts (and serves previews) while Kafka is down. External inputs are kept
 * for good and never compacted: a late, older version must not outlive the newer one it lost to, or a replay would
 * decide differently. Topics acopi derives are compacted (their latest value per key is the truth); dead-letter topics
 * keep records for 30 days. The same policy is written in {@code deploy/topics/topics.txt}. Every catalogue topic must have the configured partition count (TIN placement
 * computes against it): when one differs, {@link #ready()} fails and stream processing does not start. Streams applications wait
 * for {@link #ready()}.
 */
public class TopicProvisioner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Set<String> KEPT_FOR_GOOD = Topics.EXTERNAL_INPUTS.stream().map(Topic::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Map<String, Object> adminConfig;
    private final AcopiKafkaProperties.Topics settings;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean running;
    private Thread worker;

    public TopicProvisioner(Map<String, Object> adminConfig, AcopiKafkaProperties.Topics settings) {
        this.adminConfig = adminConfig;
        this.settings = settings;
    }

    /** Completes once every topic exists (immediately when provisioning is switched off). */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** The topics this provisioner ensures: every catalogue topic and its dead-letter topic. */
    public List<NewTopic> definitions() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            Map<String, String> configs = KEPT_FOR_GOOD.contains(topic.name())
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, "-1")
                    : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            topics.add(new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor()).configs(configs));
            topics.add(new NewTopic(topic.deadLetterName(), settings.partitions(), settings.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(30).toMillis()))));
        }
        return topics;
    }

    @Override
    public void start() {
        running = true;
        if (!settings.provision()) {
            ready.complete(null);
            return;
        }
        worker = new Thread(this::provisionUntilDone, "acopi-topic-provisioner");
        worker.setDaemon(true);
        worker.start();
    }

    private void provisionUntilDone() {
        long backoff = 500;
        while (running && !ready.isDone()) {
            try (Admin admin = Admin.create(withTimeouts(adminConfig))) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = definitions().stream().filter(t -> !existing.contains(t.name())).toList();
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).values().forEach((name, f) -> {
                        try {
                            f.get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                                throw new IllegalStateException("cannot create " + name, e);
                            }
                        }
                    });
                    LOG.info("created {} topics", missing.size());
                }
                List<String> misfits = misfits(admin);
                if (!misfits.isEmpty()) {
                    String message = "acopi topics must all have acopi.topics.partitions=" + settings.partitions()
                            + " partitions (records of a TIN are placed by that count); these differ: " + misfits
                            + ". Stream processing stays stopped until the setting matches the topics.";
                    LOG.error(message);
                    ready.completeExceptionally(new IllegalStateException(message));
                    return;
                }
                ready.complete(null);
            } catch (Exception e) {
                LOG.warn("Kafka not reachable to provision topics yet ({}); retrying in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Catalogue topics whose partition count is not the configured one, as "name (count)". */
    private List<String> misfits(Admin admin) throws Exception {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .filter(d -> d.partitions().size() != settings.partitions())
                .map(d -> d.name() + " (" + d.partitions().size() + ")").sorted().toList();
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> config) {
        Map<String, Object> c = new java.util.HashMap<>(config);
        c.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        c.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return c;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
