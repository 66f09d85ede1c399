package org.acopi.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.acopi.reporting.participants.ParticipantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The MongoDB client (official sync driver) of the read models of design.md §6, and its health indicator. */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties) {
        return MongoClients.create(properties.uri());
    }

    @Bean
    MongoDatabase acopiDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoHealthIndicator(database);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent event) {
        try {
            event.getApplicationContext().getBean(ParticipantRepository.class).createIndexes();
        } catch (RuntimeException e) {
            log.warn("could not create the participants indexes yet: {}", e.getMessage());
        }
    }
}
