package org.acopi.local.e2e;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The sample scenario on the images docker-compose.yml runs: Apache Kafka (KRaft) and MongoDB 8. Skipped where no
 * Docker engine is available (as on the build machines).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends SampleAcoScenario {

    @Override
    Infrastructure startInfrastructure() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8");
        kafka.start();
        mongo.start();
        return new Infrastructure(kafka.getBootstrapServers(), mongo.getConnectionString(), () -> {
            mongo.stop();
            kafka.stop();
        });
    }
}
