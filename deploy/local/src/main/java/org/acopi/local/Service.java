package org.acopi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One of the three acopi services as the local stack runs it: its folder, HTTP port and Kafka consumer groups (Kafka
 * Streams application ids first; reporting-service also runs the listener group of its sinks).
 */
record Service(String name, int port, List<String> consumerGroups) {

    static final List<Service> ALL = List.of(
            new Service("eligibility-service", 8081, List.of("acopi-eligibility")),
            new Service("scoring-service", 8082, List.of("acopi-scoring")),
            new Service("reporting-service", 8083, List.of("acopi-reporting-streams", "acopi-reporting")));

    /** Every consumer group of every service. */
    static List<String> allConsumerGroups() {
        return ALL.stream().flatMap(s -> s.consumerGroups().stream()).toList();
    }

    static final Service REPORTING = ALL.get(2);

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The Spring Boot executable jar that {@code mvn install} builds in the service's target folder. */
    Optional<Path> execJar(Path repo) {
        Path target = repo.resolve(name).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
