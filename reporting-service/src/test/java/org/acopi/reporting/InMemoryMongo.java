package org.acopi.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM MongoDB wire-protocol server (mongo-java-server) and a client of it, for tests. As a static
 * {@code @RegisterExtension} field it is stopped after the test class.
 */
public final class InMemoryMongo implements AutoCloseable, AfterAllCallback {

    private final MongoServer server;
    private final MongoClient client;
    private final String uri;

    public InMemoryMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(uri);
    }

    public String uri() {
        return uri;
    }

    public MongoDatabase database() {
        return client.getDatabase("acopi");
    }

    public void drop() {
        database().drop();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
