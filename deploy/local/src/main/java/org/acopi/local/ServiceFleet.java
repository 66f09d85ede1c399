package org.acopi.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services as child JVMs ({@code java -jar <service>-exec.jar}) configured by environment variables
 * (docs/conventions.md): the local broker, the embedded MongoDB and a Streams state folder under the stack home.
 * Extra JVM options: {@code ACOPI_SERVICE_JAVA_OPTS}.
 */
final class ServiceFleet {

    private static final String DEFAULT_JAVA_OPTS = "-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<Instance, ChildProcess> running = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path repo;
    private StackHome home;
    private String javaCommand;
    private LocalCredentials credentials;

    /**
     * One running copy of a service. Copies of a service share its application id (consumer group) and differ in
     * HTTP port ({@code port + 10 * (number - 1)}), Streams state folder and log file.
     */
    record Instance(Service service, int number) {

        private static final int PORT_STEP = 10;

        int port() {
            return service.port() + PORT_STEP * (number - 1);
        }

        String name() {
            return number == 1 ? service.name() : service.name() + "-" + number;
        }

        String baseUrl() {
            return "http://localhost:" + port();
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Starts one instance of each service. */
    void start(Path repo, StackHome home, String javaCommand) {
        start(repo, home, javaCommand, 1);
    }

    /** Starts {@code copies} instances of each service (all of one service in the same consumer group). */
    void start(Path repo, StackHome home, String javaCommand, int copies) {
        this.repo = repo;
        this.home = home;
        this.javaCommand = javaCommand;
        this.credentials = LocalCredentials.loadOrCreate(home);
        for (Service service : Service.ALL) {
            for (int number = 1; number <= copies; number++) {
                launch(new Instance(service, number));
            }
        }
    }

    /** Starts an instance (again, after {@link #kill}) with its own state folder, port and log. */
    void launch(Instance instance) {
        Service service = instance.service();
        String opts = System.getenv().getOrDefault("ACOPI_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        Path jar = service.execJar(repo).orElseThrow(() -> new IllegalStateException(
                service.name() + " has no executable jar in " + repo.resolve(service.name()).resolve("target")
                        + "; build with: mvn -q -B -DskipTests install"));
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(List.of(opts.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.BOOTSTRAP,
                "MONGODB_URI", EmbeddedMongo.URI,
                "ACOPI_STATE_DIR", home.state(instance.name()).toString(),
                "ACOPI_SUBMITTERS", credentials.submitters(),
                "ACOPI_USERS", credentials.users(),
                "SERVER_PORT", String.valueOf(instance.port())));
        running.put(instance, ChildProcess.start(instance.name(), command, env, home.log(instance.name())));
    }

    /** SIGKILLs an instance, as a crash or an OOM killer would: no graceful shutdown, no leaving the group. */
    void kill(Instance instance) {
        running.get(instance).kill();
    }

    List<Instance> instances() {
        return List.copyOf(running.keySet());
    }

    boolean alive(Instance instance) {
        return running.get(instance).alive();
    }

    /** Waits until every instance reports UP on its actuator health endpoint. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Instance> waiting = new ArrayList<>(running.keySet());
        while (!waiting.isEmpty()) {
            for (Instance instance : List.copyOf(waiting)) {
                ChildProcess child = running.get(instance);
                if (!child.alive()) {
                    throw new IllegalStateException(instance.name() + " exited during start-up; last lines of "
                            + child.log() + ":\n" + child.tail(40));
                }
                if (healthy(instance)) {
                    Progress.info(instance.name() + " is up (" + instance.baseUrl() + ")");
                    waiting.remove(instance);
                }
            }
            if (!waiting.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not healthy within " + timeout.toSeconds() + " s: "
                            + waiting.stream().map(i -> i.name() + " (log " + running.get(i).log() + ")").toList());
                }
                Sleeps.pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Services with an instance whose process has ended. */
    List<Service> exited() {
        return running.entrySet().stream().filter(e -> !e.getValue().alive()).map(e -> e.getKey().service())
                .distinct().toList();
    }

    /** The first instance of a service. */
    ChildProcess process(Service service) {
        return running.get(new Instance(service, 1));
    }

    /** Stops every service in parallel (SIGTERM, graceful shutdown), killing any still running after 45 s. */
    void stop() {
        running.values().forEach(ChildProcess::requestStop);
        for (ChildProcess child : running.values()) {
            if (!child.awaitStop(Duration.ofSeconds(45))) {
                Progress.warn(child.name() + " did not stop within 45 s and was killed");
            }
        }
        running.clear();
    }

    boolean healthy(Instance instance) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asString(""));
        } catch (java.io.IOException | tools.jackson.core.JacksonException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
