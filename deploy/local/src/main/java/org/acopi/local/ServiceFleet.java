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

    private final Map<Service, ChildProcess> running = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void start(Path repo, StackHome home, String javaCommand) {
        LocalCredentials credentials = LocalCredentials.loadOrCreate(home);
        String opts = System.getenv().getOrDefault("ACOPI_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        for (Service service : Service.ALL) {
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
                    "ACOPI_STATE_DIR", home.state(service.name()).toString(),
                    "ACOPI_SUBMITTERS", credentials.submitters(),
                    "ACOPI_USERS", credentials.users()));
            running.put(service, ChildProcess.start(service.name(), command, env, home.log(service.name())));
        }
    }

    /** Waits until every service reports UP on its actuator health endpoint. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Service> waiting = new ArrayList<>(running.keySet());
        while (!waiting.isEmpty()) {
            for (Service service : List.copyOf(waiting)) {
                ChildProcess child = running.get(service);
                if (!child.alive()) {
                    throw new IllegalStateException(service.name() + " exited during start-up; last lines of "
                            + child.log() + ":\n" + child.tail(40));
                }
                if (healthy(service)) {
                    Progress.info(service.name() + " is up (" + service.baseUrl() + ")");
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not healthy within " + timeout.toSeconds() + " s: "
                            + waiting.stream().map(s -> s.name() + " (log " + running.get(s).log() + ")").toList());
                }
                Sleeps.pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Services whose process has ended. */
    List<Service> exited() {
        return running.entrySet().stream().filter(e -> !e.getValue().alive()).map(Map.Entry::getKey).toList();
    }

    ChildProcess process(Service service) {
        return running.get(service);
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

    private boolean healthy(Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.healthUrl()))
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
