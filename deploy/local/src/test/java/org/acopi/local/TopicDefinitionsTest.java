package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.junit.jupiter.api.Test;

class TopicDefinitionsTest {

    @Test
    void definesEveryCatalogueTopicAndItsDeadLetterTopicAndNothingElse() {
        List<String> expected = new ArrayList<>();
        Topics.ALL.stream().map(Topic::name).forEach(expected::add);
        Topics.ALL.stream().map(Topic::deadLetterName).forEach(expected::add);

        assertThat(TopicDefinitions.load()).extracting(TopicDefinitions.Definition::name)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyTopicHasTheSamePartitionCountSoStreamsCanCoPartition() {
        assertThat(TopicDefinitions.load()).extracting(TopicDefinitions.Definition::partitions).containsOnly(3);
    }

    @Test
    void keyedStateTopicsAreCompactedAndSubmissionsAndDeadLettersAreNot() {
        for (TopicDefinitions.Definition definition : TopicDefinitions.load()) {
            String policy = definition.configs().get("cleanup.policy");
            if (definition.name().endsWith(Topic.DEAD_LETTER_SUFFIX) || definition.name().equals(Topics.SUBMISSIONS.name())) {
                assertThat(policy).as(definition.name()).isEqualTo("delete");
            } else {
                assertThat(policy).as(definition.name()).isEqualTo("compact");
            }
        }
    }

    @Test
    void kubernetesJobCarriesAnIdenticalCopyOfTheDefinitionsAndTheScript() throws IOException {
        String job = Files.readString(Path.of("../k8s/topics-job.yaml"));

        assertThat(job).contains("  topics.txt: |\n" + indented(Files.readString(Path.of("../topics/topics.txt"))));
        assertThat(job).contains("  create-topics.sh: |\n" + indented(Files.readString(Path.of("../topics/create-topics.sh"))));
    }

    private static String indented(String text) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append(line.isBlank() ? "" : "    " + line).append('\n'));
        return out.toString();
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> TopicDefinitions.parse(List.of("acopi.x.v1 3 cleanup.policy")))
                .hasMessageContaining("bad config");
        assertThat(TopicDefinitions.parse(List.of("# comment", "", "acopi.x.v1 3")))
                .singleElement().satisfies(d -> assertThat(d.configs()).isEmpty());
    }
}
