package org.acopi.scoring.rules;

import java.util.List;
import java.util.Map;

/** The shape of {@code rules/py<year>/scoring.json}; keys starting with {@code _} are comments and are dropped first. */
record ScoringData(
        int performanceYear,
        String rulesVersion,
        String measuresData,
        Gates gates,
        Map<String, Integer> measurePoints,
        List<String> requiredMeasures,
        AnsweredNo answeredNo,
        List<HieOption> hieOptions,
        PublicHealthPair publicHealthPair,
        EngagementLevels engagementLevels,
        List<Redistribution> redistribution,
        List<String> suppressed,
        Bonus bonus,
        int categoryCap,
        Rounding rounding,
        ApmEntityRollup apmEntityRollup) {

    record Gates(String cehrtIdPattern, int minimumPerformanceDays, List<String> requiredAttestations,
                 List<String> optionalAttestations) {
    }

    record HieOption(String option, List<String> measures) {
    }

    record PublicHealthPair(List<String> measures, int points) {
    }

    record AnsweredNo(Boolean zeroesCategory) {
    }

    record EngagementLevels(Boolean requiredOnYes, Boolean requiredForBonus) {
    }

    record Redistribution(String rule, List<String> whenExcluded, String from, List<String> to) {
    }

    record Bonus(List<String> measures, int pointsEach, int maxTotal) {
    }

    record Rounding(String mode, boolean minimumOnePoint) {
    }

    record ApmEntityRollup(int decimals, String roundingMode, boolean entitySubmissionDecides) {
    }
}
