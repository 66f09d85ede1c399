package org.acopi.eligibility.stream;

import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.support.AcopiSupportAutoConfiguration.StreamsApplications;
import org.acopi.support.streams.ManagedKafkaStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the eligibility topology (docs/pi-rules.md §7, §11) as the Kafka Streams application {@value #APPLICATION_ID}
 * with the shared acopi settings (exactly-once v2, dead-letter handlers); its health component is
 * {@code eligibilityStreams}.
 */
@Configuration(proxyBeanMethods = false)
class EligibilityStreamsConfiguration {

    static final String APPLICATION_ID = "acopi-eligibility";

    @Bean
    ManagedKafkaStreams eligibilityStreams(StreamsApplications applications, EligibilityRules rules) {
        return applications.create(APPLICATION_ID, EligibilityTopology.build(rules, applications.topicPartitions()));
    }
}
