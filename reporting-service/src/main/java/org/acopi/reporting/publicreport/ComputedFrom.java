package org.acopi.reporting.publicreport;

import java.util.List;
import org.acopi.reporting.participants.SourceVersion;

/**
 * The inputs a public report was computed from: how many participant documents, the highest Kafka offset of every
 * topic-partition among them, the APM entity score's record, and the rules versions behind the determinations,
 * the scores and the counts.
 */
public record ComputedFrom(
        int participantDocuments,
        List<OffsetWatermark> offsets,
        SourceVersion apmEntityScore,
        List<String> eligibilityRulesVersions,
        List<String> scoringRulesVersions,
        String countingRulesVersion) {

    public ComputedFrom {
        offsets = List.copyOf(offsets);
        eligibilityRulesVersions = List.copyOf(eligibilityRulesVersions);
        scoringRulesVersions = List.copyOf(scoringRulesVersions);
    }

    /** The highest offset of a topic-partition that contributed to the report. */
    public record OffsetWatermark(String topic, int partition, long maxOffset) {
    }
}
