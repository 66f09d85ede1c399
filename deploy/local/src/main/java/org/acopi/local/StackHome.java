package org.acopi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the local stack keeps its data between runs (default {@code <repo>/.acopi-local}): the Kafka log directory,
 * the MongoDB H2 file, each service's Kafka Streams state, the logs of every child process, the generated local
 * logins, and the marker of the loaded sample.
 */
record StackHome(Path root) {

    Path kafkaData() {
        return root.resolve("kafka/data");
    }

    Path kafkaConfig() {
        return root.resolve("kafka/server.properties");
    }

    Path mongoFile() {
        return root.resolve("mongo/acopi.mv");
    }

    Path state(String service) {
        return root.resolve("state").resolve(service);
    }

    Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    /** The generated local logins ({@link LocalCredentials}). */
    Path credentials() {
        return root.resolve("credentials.env");
    }

    Path sampleMarker() {
        return root.resolve("sample-loaded.sha256");
    }

    void create() {
        try {
            Files.createDirectories(kafkaData());
            Files.createDirectories(mongoFile().getParent());
            Files.createDirectories(root.resolve("state"));
            Files.createDirectories(root.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    void wipe() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
