package org.acopi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka (combined broker and controller) in a child JVM, started from the kafka_2.13 jar on
 * the launcher's classpath. Its log directory is formatted with Kafka's storage tool on first start and kept between
 * runs. Listeners: {@value #BROKER_PORT} (clients), {@value #CONTROLLER_PORT} (controller). With a {@link Scram}
 * user the client listener is SASL_PLAINTEXT with SCRAM-SHA-512 (the user is created when the storage is formatted),
 * as a production broker would ask of acopi's services (docs/conventions.md, "Transport security").
 */
final class KafkaBroker {

    static final int BROKER_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP = "localhost:" + BROKER_PORT;

    /** A SCRAM-SHA-512 user of the client listener. */
    record Scram(String user, String password) {
        static final String MECHANISM = "SCRAM-SHA-512";

        /** The client properties of this user (the services take the same from KAFKA_SECURITY_PROTOCOL etc.). */
        Map<String, String> clientProperties() {
            return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                            + "\" password=\"" + password + "\";");
        }
    }

    private final StackHome home;
    private final String javaCommand;
    private final String classpath;
    private final int brokerPort;
    private final int controllerPort;
    private final Scram scram;
    private ChildProcess process;

    KafkaBroker(StackHome home, String javaCommand, String classpath) {
        this(home, javaCommand, classpath, BROKER_PORT, CONTROLLER_PORT, null);
    }

    KafkaBroker(StackHome home, String javaCommand, String classpath, int brokerPort, int controllerPort, Scram scram) {
        this.home = home;
        this.javaCommand = javaCommand;
        this.classpath = classpath;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.scram = scram;
    }

    String bootstrap() {
        return "localhost:" + brokerPort;
    }

    void start(Duration timeout) {
        writeConfig();
        if (!Files.exists(home.kafkaData().resolve("meta.properties"))) {
            format();
        }
        process = ChildProcess.start("kafka", List.of(javaCommand, "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath, "kafka.Kafka", home.kafkaConfig().toString()), Map.of(), home.log("kafka"));
        awaitReady(timeout);
    }

    ChildProcess process() {
        return process;
    }

    void stop() {
        if (process != null) {
            process.requestStop();
            if (!process.awaitStop(Duration.ofSeconds(60))) {
                Progress.warn("Kafka did not stop within 60 s and was killed; it recovers its log on the next start");
            }
        }
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaCommand, "-Xmx256m",
                "-cp", classpath, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId, "--config", home.kafkaConfig().toString()));
        if (scram != null) {
            command.addAll(List.of("--add-scram", Scram.MECHANISM + "=[name=" + scram.user() + ",password=" + scram.password() + "]"));
        }
        int exit = ChildProcess.run("kafka-storage-format", command, home.log("kafka"), Duration.ofSeconds(120));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed (exit " + exit + "); see " + home.log("kafka"));
        }
    }

    private void writeConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        String client = scram == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        p.setProperty("listeners", client + "://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", client + "://localhost:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", client);
        p.setProperty("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
        if (scram != null) {
            p.setProperty("sasl.enabled.mechanisms", Scram.MECHANISM);
            p.setProperty("sasl.mechanism.inter.broker.protocol", Scram.MECHANISM);
            p.setProperty("listener.name.sasl_plaintext." + Scram.MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                    scram.clientProperties().get("sasl.jaas.config"));
        }
        p.setProperty("log.dirs", home.kafkaData().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // local data is kept until --clean: no time-based deletion, and consumer offsets outlive long pauses
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("offsets.retention.minutes", String.valueOf(60 * 24 * 365));
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        try {
            Files.createDirectories(home.kafkaConfig().getParent());
            try (var out = Files.newBufferedWriter(home.kafkaConfig())) {
                p.store(out, "written by the acopi local stack launcher on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin(bootstrap(), scram == null ? Map.of() : scram.clientProperties())) {
            while (true) {
                if (!process.alive()) {
                    throw new IllegalStateException("Kafka exited during start-up; last lines of " + process.log()
                            + ":\n" + process.tail(30));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    admin.listTopics().names().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not become ready within " + timeout.toSeconds()
                                + " s; see " + process.log());
                    }
                    Sleeps.pause(Duration.ofMillis(500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    static Admin admin(String bootstrap) {
        return admin(bootstrap, Map.of());
    }

    static Admin admin(String bootstrap, Map<String, String> security) {
        Properties config = new Properties();
        config.putAll(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "acopi-local-stack");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return Admin.create(config);
    }
}
