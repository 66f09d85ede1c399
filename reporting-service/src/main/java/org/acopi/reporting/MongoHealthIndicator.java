package org.acopi.reporting;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@code /actuator/health} component {@code mongo}: UP when the read-model database answers a {@code ping}. */
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    MongoHealthIndicator(MongoDatabase database) {
        super("MongoDB ping failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName()).withDetail("ok", reply.get("ok"));
    }
}
