package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.support.kafka.AcopiKafkaProperties;
import org.acopi.support.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.NewTopic;
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
    void policiesAreThoseTheServicesProvisionWhenTheyCreateTopicsThemselves() {
        TopicProvisioner provisioner = new TopicProvisioner(Map.of(), new AcopiKafkaProperties.Topics(3, (short) 1, true));
        Map<String, Map<String, String>> provisioned = provisioner.definitions().stream()
                .collect(Collectors.toMap(NewTopic::name, t -> t.configs()));
        for (TopicDefinitions.Definition definition : TopicDefinitions.load()) {
            assertThat(definition.configs()).as(definition.name()).isEqualTo(provisioned.get(definition.name()));
        }
        assertThat(provisioned.get(Topics.ROSTER.name())).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        assertThat(provisioned.get(Topics.CLINICIAN_SCORES.name())).containsEntry("cleanup.policy", "compact");
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
