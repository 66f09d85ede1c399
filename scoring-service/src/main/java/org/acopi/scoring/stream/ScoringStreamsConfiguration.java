package org.acopi.scoring.stream;

import org.acopi.scoring.rules.ScoringRules;
import org.acopi.support.AcopiSupportAutoConfiguration.StreamsApplications;
import org.acopi.support.streams.ManagedKafkaStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link ScoringTopology} as the Kafka Streams application {@value #APPLICATION_ID} (docs/conventions.md). */
@Configuration(proxyBeanMethods = false)
class ScoringStreamsConfiguration {

    static final String APPLICATION_ID = "acopi-scoring";

    @Bean
    ManagedKafkaStreams scoringStreams(StreamsApplications apps, ScoringRules rules) {
        return apps.create(APPLICATION_ID, ScoringTopology.build(rules, apps.topicPartitions()));
    }
}
