package org.acopi.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the read models live: {@code acopi.mongodb.uri} and {@code acopi.mongodb.database} (design.md §6). */
@ConfigurationProperties("acopi.mongodb")
public record MongoProperties(
        @DefaultValue("mongodb://localhost:27017") String uri,
        @DefaultValue("acopi") String database) {
}
