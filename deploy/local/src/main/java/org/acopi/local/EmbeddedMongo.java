package org.acopi.local;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;

/**
 * mongo-java-server (MongoDB wire protocol) with its H2 file backend, inside the launcher's JVM, so that the
 * reporting-service's read models survive restarts. No sessions, transactions or change streams (design.md §3).
 */
final class EmbeddedMongo {

    static final int PORT = 27017;
    static final String URI = "mongodb://localhost:" + PORT;

    private MongoServer server;

    void start(Path file) {
        server = new MongoServer(new IndexedH2Backend(file.toString()));
        server.bind("localhost", PORT);
    }

    void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
