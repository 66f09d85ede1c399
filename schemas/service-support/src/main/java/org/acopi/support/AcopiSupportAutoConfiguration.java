package org.acopi.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.acopi.support.kafka.AcopiKafkaProperties;
import org.acopi.support.kafka.KafkaHealthIndicator;
import org.acopi.support.kafka.KafkaTransportSecurity;
import org.acopi.support.kafka.ListenerDeadLetters;
import org.acopi.support.kafka.TopicProvisioner;
import org.acopi.support.streams.ManagedKafkaStreams;
import org.acopi.support.streams.StreamsSettings;
import org.acopi.support.web.ApiErrors;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Wires the shared plumbing into each service: topic provisioning, Kafka health, the listener error handler that
 * dead-letters with reason codes, the JSON error advice, and {@link StreamsApplications} to run a topology.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(AcopiKafkaProperties.class)
public class AcopiSupportAutoConfiguration {

    /** TLS and SASL/SCRAM for every Kafka client, from the environment (static: it post-processes KafkaProperties). */
    @Bean
    static KafkaTransportSecurity kafkaTransportSecurity(Environment environment) {
        return new KafkaTransportSecurity(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicProvisioner topicProvisioner(KafkaProperties kafka, AcopiKafkaProperties acopi) {
        return new TopicProvisioner(kafka.buildAdminProperties(), acopi.topics());
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaProperties kafka) {
        return ListenerDeadLetters.errorHandler(kafka.buildProducerProperties(), kafka.getConsumer().getGroupId());
    }

    @Bean
    ApiErrors apiErrors() {
        return new ApiErrors();
    }

    @Bean
    StreamsApplications streamsApplications(KafkaProperties kafka, AcopiKafkaProperties acopi, TopicProvisioner provisioner,
                                            ObjectProvider<MeterRegistry> registry) {
        return new StreamsApplications(kafka, acopi, provisioner, registry.getIfAvailable());
    }

    /** Builds the {@link ManagedKafkaStreams} bean of a service from its application id and topology. */
    public static final class StreamsApplications {
        private final KafkaProperties kafka;
        private final AcopiKafkaProperties acopi;
        private final TopicProvisioner provisioner;
        private final MeterRegistry registry;

        StreamsApplications(KafkaProperties kafka, AcopiKafkaProperties acopi, TopicProvisioner provisioner, MeterRegistry registry) {
            this.kafka = kafka;
            this.acopi = acopi;
            this.provisioner = provisioner;
            this.registry = registry;
        }

        /** The partition count of every acopi topic, which TIN placement and its ingress check compute against. */
        public int topicPartitions() {
            return acopi.topics().partitions();
        }

        public ManagedKafkaStreams create(String applicationId, Topology topology) {
            return create(applicationId, topology, Map.of());
        }

        public ManagedKafkaStreams create(String applicationId, Topology topology, Map<String, ?> overrides) {
            Map<String, Object> streams = kafka.buildStreamsProperties();
            streams.remove("application.id");
            streams.putAll(overrides);
            return new ManagedKafkaStreams(topology, StreamsSettings.properties(applicationId,
                    String.join(",", kafka.getBootstrapServers()), acopi.streams().stateDir(),
                    acopi.topics().replicationFactor(), streams), provisioner, registry);
        }
    }
}
