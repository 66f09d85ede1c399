package org.acopi.support.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.acopi.support.kafka.TopicProvisioner;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.StoreQueryParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one Kafka Streams topology inside a Spring application: starts it once the topics exist (so the service comes
 * up, and serves previews, while Kafka is down), replaces a dead stream thread instead of dying, closes it cleanly on
 * shutdown, binds its metrics, and reports its state as the {@code kafkaStreams} health component.
 */
public class ManagedKafkaStreams extends AbstractHealthIndicator implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedKafkaStreams.class);

    private final Topology topology;
    private final Properties properties;
    private final TopicProvisioner provisioner;
    private final MeterRegistry registry;
    private volatile KafkaStreams streams;
    private volatile boolean running;
    private KafkaStreamsMetrics metrics;

    public ManagedKafkaStreams(Topology topology, Properties properties, TopicProvisioner provisioner, MeterRegistry registry) {
        super("Kafka Streams health check failed");
        this.topology = topology;
        this.properties = properties;
        this.provisioner = provisioner;
        this.registry = registry;
    }

    @Override
    public void start() {
        running = true;
        CompletableFuture<Void> topicsReady = provisioner == null ? CompletableFuture.completedFuture(null) : provisioner.ready();
        topicsReady.thenRun(this::startStreams);
    }

    private synchronized void startStreams() {
        if (!running || streams != null) {
            return;
        }
        KafkaStreams created = new KafkaStreams(topology, properties);
        created.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread died; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        if (registry != null) {
            metrics = new KafkaStreamsMetrics(created);
            metrics.bindTo(registry);
        }
        created.start();
        streams = created;
        LOG.info("Kafka Streams application {} started", properties.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (streams != null) {
            // leave the group so that a restarted instance gets its tasks back at once, not after the session times out
            streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                    org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
            if (metrics != null) {
                metrics.close();
            }
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** The running instance, or null before the topics exist. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Reads a queryable state store of the running topology. */
    public <T> T store(String name, QueryableStoreType<T> type) {
        KafkaStreams s = streams;
        if (s == null) {
            throw new IllegalStateException("Kafka Streams is not started");
        }
        return s.store(StoreQueryParameters.fromNameAndType(name, type));
    }

    public <T> T withStreams(Function<KafkaStreams, T> action) {
        return action.apply(streams);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams s = streams;
        if (s == null) {
            builder.down().withDetail("state", "WAITING_FOR_TOPICS");
            return;
        }
        KafkaStreams.State state = s.state();
        builder.withDetail("state", state.name())
                .withDetail("applicationId", properties.get(StreamsConfig.APPLICATION_ID_CONFIG));
        if (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
