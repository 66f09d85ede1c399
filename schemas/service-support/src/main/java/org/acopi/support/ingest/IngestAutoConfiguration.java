package org.acopi.support.ingest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP ingestion plumbing: the {@link IngestPublisher} of a service with ingestion endpoints. Who may send is
 * decided by {@link org.acopi.support.security.AccessAutoConfiguration} (a submitter's token, rate-limited).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestAutoConfiguration {

    /** Created only where an ingestion controller needs it, so that a service without ingestion opens no producer. */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    IngestPublisher ingestPublisher(KafkaProperties kafka, Environment environment) {
        return new IngestPublisher(kafka.buildProducerProperties(),
                environment.getProperty("spring.application.name", "acopi") + "-ingest");
    }
}
