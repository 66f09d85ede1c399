package org.acopi.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;

/**
 * Compares a topology's {@code describe()} with the snapshot kept under {@code src/test/resources/topology/}, so that
 * every change of stores, internal topics and sub-topologies shows in review. {@code -Dacopi.updateSnapshots=true}
 * rewrites the snapshot on purpose.
 */
public final class TopologySnapshots {

    private TopologySnapshots() {
    }

    /** Asserts the snapshot and returns the description for further checks. */
    public static String assertMatches(Topology topology, String snapshotName) {
        String described = topology.describe().toString();
        Path snapshot = Path.of("src/test/resources/topology", snapshotName);
        try {
            if (Boolean.getBoolean("acopi.updateSnapshots")) {
                Files.createDirectories(snapshot.getParent());
                Files.writeString(snapshot, described, StandardCharsets.UTF_8);
            }
            assertThat(described).isEqualToNormalizingNewlines(Files.readString(snapshot, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return described;
    }
}
