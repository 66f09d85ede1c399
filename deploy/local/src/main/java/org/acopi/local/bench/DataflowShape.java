package org.acopi.local.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.domain.EligibilityRules;
import org.acopi.eligibility.stream.EligibilityTopology;
import org.acopi.reporting.stream.ReportingTopology;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.scoring.stream.ScoringTopology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The exactly-once hops an input event can cross on its way to the public report, read from the three services'
 * {@code Topology.describe()}: per service, one commit for the sub-topology that reads the input plus one for every
 * internal topic on the longest chain from it (an upper bound: a TIN-level input usually crosses fewer), from the
 * same descriptions the describe() snapshot tests keep in review. The sink of the report changelog into MongoDB is not a Kafka commit and is
 * not counted.
 */
public final class DataflowShape {

    private DataflowShape() {
    }

    /** Per input path (roster/facts/hardships, submissions): the hops per service and their sum, in pipeline order. */
    public static Map<String, Map<String, Integer>> eosHops() {
        TopologyDescription eligibility = EligibilityTopology.build(EligibilityRules.load(), 3).describe();
        TopologyDescription scoring = ScoringTopology.build(ScoringRules.fromClasspath(), 3).describe();
        TopologyDescription reporting = ReportingTopology.build().describe();
        int reportingHops = upTo(reporting, Topics.CLINICIAN_SCORES.name());
        Map<String, Map<String, Integer>> paths = new LinkedHashMap<>();
        Map<String, Integer> roster = new LinkedHashMap<>();
        roster.put("eligibility-service", upTo(eligibility, Topics.ROSTER.name()));
        roster.put("scoring-service", upTo(scoring, Topics.PARTICIPANT_ELIGIBILITY.name()));
        roster.put("reporting-service", reportingHops);
        paths.put(Topics.ROSTER.name(), roster);
        Map<String, Integer> submissions = new LinkedHashMap<>();
        submissions.put("scoring-service", upTo(scoring, Topics.SUBMISSIONS.name()));
        submissions.put("reporting-service", reportingHops);
        paths.put(Topics.SUBMISSIONS.name(), submissions);
        return paths;
    }

    /**
     * 1 + the longest chain of internal topics from the sub-topology that reads {@code sourceTopic} (each topic counted
     * once, so a fan-out topic a sub-topology writes and reads itself counts one hop). The ingress topics named
     * {@code *-by-tin-repartition} are left out: they carry only records an external producer placed off their TIN's
     * partition, which acopi's producers and the benchmark's do not.
     */
    static int upTo(TopologyDescription topology, String sourceTopic) {
        Map<String, List<TopologyDescription.Subtopology>> readers = new LinkedHashMap<>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().forEach(t -> readers.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(sub));
                }
            }
        }
        int longest = 0;
        for (TopologyDescription.Subtopology start : readers.getOrDefault(sourceTopic, List.of())) {
            longest = Math.max(longest, chain(start, readers, new HashSet<>()));
        }
        return 1 + longest;
    }

    private static int chain(TopologyDescription.Subtopology sub, Map<String, List<TopologyDescription.Subtopology>> readers,
                             Set<String> used) {
        int longest = 0;
        for (TopologyDescription.Node node : sub.nodes()) {
            if (node instanceof TopologyDescription.Sink sink && sink.topic() != null && readers.containsKey(sink.topic())
                    && !sink.topic().endsWith("-by-tin-repartition") && !used.contains(sink.topic())) {
                used.add(sink.topic());
                for (TopologyDescription.Subtopology next : readers.get(sink.topic())) {
                    longest = Math.max(longest, 1 + chain(next, readers, used));
                }
                used.remove(sink.topic());
            }
        }
        return longest;
    }
}
