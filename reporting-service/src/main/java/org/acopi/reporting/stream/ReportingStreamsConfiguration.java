package org.acopi.reporting.stream;

import org.acopi.support.AcopiSupportAutoConfiguration.StreamsApplications;
import org.acopi.support.streams.ManagedKafkaStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the reporting topology (public reports kept incrementally, docs/pi-rules.md §8) as the Kafka Streams application
 * {@value ReportingTopology#APPLICATION_ID} with the shared acopi settings (exactly-once v2, dead-letter handlers).
 */
@Configuration(proxyBeanMethods = false)
class ReportingStreamsConfiguration {

    @Bean
    ManagedKafkaStreams reportingStreams(StreamsApplications applications) {
        return applications.create(ReportingTopology.APPLICATION_ID, ReportingTopology.build());
    }
}
