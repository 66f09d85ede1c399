package org.acopi.local.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The sample scenario on a real in-JVM KRaft broker and mongo-java-server: runs on every machine. */
class EmbeddedInfrastructureEndToEndTest extends SampleAcoScenario {

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
        return new Infrastructure(kafka.getBrokersAsString(), "mongodb://localhost:" + address.getPort(), () -> {
            mongo.shutdown();
            kafka.destroy();
        });
    }
}
