package org.acopi.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topic definitions of deploy/topics/topics.txt (copied to the classpath as {@code topics/topics.txt}): name,
 * partitions and topic configs per line.
 */
final class TopicDefinitions {

    record Definition(String name, int partitions, Map<String, String> configs) {
    }

    private TopicDefinitions() {
    }

    static List<Definition> load() {
        try (InputStream in = TopicDefinitions.class.getResourceAsStream("/topics/topics.txt")) {
            if (in == null) {
                throw new IllegalStateException("topics/topics.txt is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Definition> parse(List<String> lines) {
        List<Definition> definitions = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("topics.txt: expected 'name partitions [configs]': " + trimmed);
            }
            Map<String, String> configs = new LinkedHashMap<>();
            if (parts.length == 3) {
                for (String pair : parts[2].split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("topics.txt: bad config '" + pair + "' in: " + trimmed);
                    }
                    configs.put(kv[0], kv[1]);
                }
            }
            definitions.add(new Definition(parts[0], Integer.parseInt(parts[1]), configs));
        }
        return definitions;
    }
}
