package org.acopi.local.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The sample scenario on a real in-JVM KRaft broker and mongo-java-server: runs on every machine. Before the
 * corrections of the scenario, the operations console is toured in a real browser on the same stack
 * ({@link ConsoleInBrowser}), while the sample's at-risk list is not empty yet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedInfrastructureEndToEndTest extends SampleAcoScenario {

    private Infrastructure infrastructure;

    @Override
    Infrastructure startInfrastructure() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                // exactly-once on a one-broker cluster
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        infrastructure = new Infrastructure(kafka.getBrokersAsString(), "mongodb://localhost:" + address.getPort(), () -> {
            mongo.shutdown();
            kafka.destroy();
        });
        return infrastructure;
    }

    @Test
    @Order(1)
    void theOperationsConsoleInARealBrowser() throws Exception {
        ConsoleInBrowser.tour(infrastructure.bootstrapServers(), infrastructure.mongoUri());
    }
}
