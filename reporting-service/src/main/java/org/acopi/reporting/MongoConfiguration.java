package org.acopi.reporting;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.acopi.reporting.participants.ParticipantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The MongoDB client (official sync driver) of the read models of design.md §6, with the credentials and TLS of
 * {@link MongoProperties}, and its health indicator.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()));
        if (properties.trustStore() != null && !properties.trustStore().isBlank()) {
            SSLContext context = sslContext(properties.trustStore().strip(), properties.trustStorePassword());
            settings.applyToSslSettings(ssl -> ssl.enabled(true).context(context));
        }
        return MongoClients.create(settings.build());
    }

    /** An SSL context that trusts the certificates of the given key store (the MongoDB server's CA). */
    static SSLContext sslContext(String trustStore, String password) {
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
            KeyStore store = KeyStore.getInstance(trustStore.endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the MongoDB trust store " + trustStore + ": " + e.getMessage(), e);
        }
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
