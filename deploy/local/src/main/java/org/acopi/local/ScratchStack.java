package org.acopi.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * A local stack in a home wiped first, for runs that must start from nothing (the benchmark, the chaos run): MongoDB,
 * the broker, every topic, then the services, each with {@code copies} instances, healthy. Stops everything on
 * {@link #stopAll}, also from a shutdown hook.
 */
final class ScratchStack {

    private static final Duration BROKER_START = Duration.ofSeconds(120);
    private static final Duration SERVICES_START = Duration.ofSeconds(420);

    private final Path repo;
    private final StackHome home;
    private final int copies;
    private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final EmbeddedMongo mongo;
    private final ServiceFleet services = new ServiceFleet();
    private final KafkaBroker broker;

    /** @param brokerClasspath the broker JVM's classpath: kafka_2.13 and its dependencies, with one SLF4J provider */
    ScratchStack(Path repo, Path home, int copies, String brokerClasspath) {
        this.repo = repo;
        this.home = new StackHome(home);
        this.copies = copies;
        this.broker = new KafkaBroker(this.home, javaCommand, brokerClasspath);
        this.mongo = new EmbeddedMongo(this.home, javaCommand, System.getProperty("java.class.path"));
    }

    /** The ports a stack of this many copies binds: the local stack's, plus each further copy's HTTP ports. */
    List<Integer> ports() {
        List<Integer> all = new ArrayList<>(LocalStack.PORTS);
        for (int number = 2; number <= copies; number++) {
            for (Service service : Service.ALL) {
                all.add(new ServiceFleet.Instance(service, number).port());
            }
        }
        return all;
    }

    /** Services without an executable jar, and ports in use: empty when a stack can start here. */
    List<String> obstacles() {
        List<String> problems = new ArrayList<>(Service.ALL.stream()
                .filter(service -> service.execJar(repo).isEmpty()).map(service -> service.name() + " is not built").toList());
        List<Integer> busy = ports().stream().filter(port -> !LocalStack.free(port)).toList();
        if (!busy.isEmpty()) {
            problems.add("port(s) " + busy + " already in use (another local stack?)");
        }
        return problems;
    }

    /** Wipes the home, then starts MongoDB, the broker, the topics and every service instance, and waits until healthy. */
    void start(Admin admin) {
        home.wipe();
        home.create();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "acopi-stack-stop"));
        mongo.start();
        broker.start(BROKER_START);
        TopicSetup.createMissing(admin);
        services.start(repo, home, javaCommand, copies);
        services.awaitHealthy(SERVICES_START);
    }

    /** Stops the broker gracefully and starts it again on the same log directory, waiting until it answers. */
    void restartBroker() {
        broker.stop();
        broker.start(BROKER_START);
    }

    /** Stops the MongoDB server (clients see connection refused) without touching its file. */
    void stopMongo() {
        mongo.stop();
    }

    /** Starts the MongoDB server again on the same file and port. */
    void startMongo() {
        mongo.start();
    }

    Path repo() {
        return repo;
    }

    StackHome home() {
        return home;
    }

    String javaCommand() {
        return javaCommand;
    }

    ServiceFleet services() {
        return services;
    }

    EmbeddedMongo mongo() {
        return mongo;
    }

    KafkaBroker broker() {
        return broker;
    }

    synchronized void stopAll() {
        try {
            services.stop();
        } finally {
            try {
                broker.stop();
            } finally {
                mongo.stop();
            }
        }
    }
}
