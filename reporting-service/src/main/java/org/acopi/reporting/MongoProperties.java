package org.acopi.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read models live (design.md §6) and how to reach them: {@code acopi.mongodb.uri} carries the user, password
 * and {@code tls=true} of a secured server (environment {@code MONGODB_URI}, from a secret); a private CA is trusted
 * with {@code acopi.mongodb.trust-store} and its password (environment {@code MONGODB_TLS_TRUSTSTORE_LOCATION},
 * {@code MONGODB_TLS_TRUSTSTORE_PASSWORD}; PKCS12 or JKS); without one the JVM's default trust store is used.
 */
@ConfigurationProperties("acopi.mongodb")
public record MongoProperties(
        @DefaultValue("mongodb://localhost:27017") String uri,
        @DefaultValue("acopi") String database,
        String trustStore,
        String trustStorePassword) {

    @Override
    public String toString() {
        return "MongoProperties[database=" + database + ", trustStore=" + trustStore + "]";
    }
}
