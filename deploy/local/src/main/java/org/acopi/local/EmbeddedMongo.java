package org.acopi.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's MongoDB: stock mongo-java-server (MongoDB wire protocol) with its H2 file backend, as shipped, in
 * a child JVM of its own like the broker, so that reporting-service's read models survive restarts and the server's
 * CPU and memory are its own in the benchmark. No sessions, transactions or change streams (design.md §3).
 */
final class EmbeddedMongo {

    static final int PORT = 27017;
    static final String URI = "mongodb://localhost:" + PORT;
    private static final Duration START = Duration.ofSeconds(60);

    private final StackHome home;
    private final String javaCommand;
    private final String classpath;
    private ChildProcess process;

    /** @param classpath a classpath with mongo-java-server's H2 backend and this class (the launcher's own) */
    EmbeddedMongo(StackHome home, String javaCommand, String classpath) {
        this.home = home;
        this.javaCommand = javaCommand;
        this.classpath = classpath;
    }

    /** Starts the server on the home's H2 file and waits until it accepts connections. */
    void start() {
        process = ChildProcess.start("mongodb", List.of(javaCommand, "-Xms64m", "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", classpath, EmbeddedMongo.class.getName(), home.mongoFile().toString(), Integer.toString(PORT)),
                Map.of(), home.log("mongodb"));
        Instant deadline = Instant.now().plus(START);
        while (!accepts()) {
            if (!process.alive()) {
                throw new IllegalStateException("the MongoDB server exited during start-up; last lines of " + process.log()
                        + ":\n" + process.tail(30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the MongoDB server did not accept connections within " + START.toSeconds()
                        + " s; see " + process.log());
            }
            Sleeps.pause(Duration.ofMillis(200));
        }
    }

    ChildProcess process() {
        return process;
    }

    /** Stops the server gracefully (its H2 file is closed by its shutdown hook); killed after 60 s. */
    void stop() {
        if (process != null) {
            process.requestStop();
            if (!process.awaitStop(Duration.ofSeconds(60))) {
                Progress.warn("the MongoDB server did not stop within 60 s and was killed");
            }
            process = null;
        }
    }

    private static boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The child JVM: {@code <h2 file> <port>}; serves until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new H2Backend(Path.of(args[0]).toString()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongodb-stop"));
        server.bind("localhost", Integer.parseInt(args[1]));
        System.out.println("mongo-java-server (H2 file " + args[0] + ") listening on port " + args[1]);
        stopped.await();
    }
}
