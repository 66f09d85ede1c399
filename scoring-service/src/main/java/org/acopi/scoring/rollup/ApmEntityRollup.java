package org.acopi.scoring.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acopi.events.ApmEntityScoreMethod;
import org.acopi.scoring.rules.ApmEntityRollupRules;

/**
 * The running APM entity PI roll-up of one ACO and PY (docs/pi-rules.md §6.3, §11.4 item 5): how many counted clinicians
 * have each score, how many of them were scored, and how many were left out as reweighted. Adding and subtracting a
 * clinician's {@link RollupContribution} keeps it exact under corrections. {@link #result} turns it into the entity
 * score: the entity-level submission when there is one, else the mean over counted clinicians, else reweighted.
 */
public record ApmEntityRollup(String acoId, int performanceYear, Map<Double, Integer> countedByScore, int scored,
                              int leftOutReweighted) {

    public static final String ENTITY_LEVEL_SUBMISSION = "ENTITY_LEVEL_SUBMISSION";
    public static final String ALL_REWEIGHTED = "ALL_REWEIGHTED";
    public static final String NO_COUNTED_CLINICIANS = "NO_COUNTED_CLINICIANS";

    public ApmEntityRollup {
        countedByScore = Collections.unmodifiableSortedMap(countedByScore == null ? new TreeMap<>() : new TreeMap<>(countedByScore));
    }

    public static ApmEntityRollup empty(String acoId, int performanceYear) {
        return new ApmEntityRollup(acoId, performanceYear, Map.of(), 0, 0);
    }

    public ApmEntityRollup add(RollupContribution contribution) {
        return change(contribution, 1);
    }

    public ApmEntityRollup subtract(RollupContribution contribution) {
        return change(contribution, -1);
    }

    private ApmEntityRollup change(RollupContribution c, int delta) {
        return switch (c.participation()) {
            case NOT_PART_OF_ENTITY -> this;
            case LEFT_OUT_REWEIGHTED -> new ApmEntityRollup(acoId, performanceYear, countedByScore, scored,
                    leftOutReweighted + delta);
            case COUNTED -> {
                Map<Double, Integer> counts = new TreeMap<>(countedByScore);
                int count = counts.getOrDefault(c.score(), 0) + delta;
                if (count == 0) {
                    counts.remove(c.score());
                } else {
                    counts.put(c.score(), count);
                }
                yield new ApmEntityRollup(acoId, performanceYear, counts, scored + (c.scored() ? delta : 0),
                        leftOutReweighted);
            }
        };
    }

    public int counted() {
        return countedByScore.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The entity score; {@code entityLevel} is the ACO's own APM entity submission, or null. */
    public ApmEntityResult result(LevelCandidate entityLevel, ApmEntityRollupRules rules) {
        ApmEntityResult rolledUp = rolledUp(rules);
        if (entityLevel == null || (!rules.entitySubmissionDecides() && rolledUp.score() != null
                && rolledUp.score() > entityLevel.score())) {
            return rolledUp;
        }
        return new ApmEntityResult(ApmEntityScoreMethod.ENTITY_REPORTED, entityLevel.score(), rolledUp.cliniciansCounted(),
                scored, leftOutReweighted, entityLevel.submissionId(),
                "APM entity submission " + entityLevel.submissionId() + " = " + number(entityLevel.score()),
                List.of(ENTITY_LEVEL_SUBMISSION));
    }

    private ApmEntityResult rolledUp(ApmEntityRollupRules rules) {
        int counted = counted();
        if (counted == 0) {
            return new ApmEntityResult(ApmEntityScoreMethod.REWEIGHTED, null, 0, 0, leftOutReweighted, null,
                    "no clinician counted: PI reweighted for the APM entity" + (leftOutReweighted > 0
                            ? " (" + leftOutReweighted + " left out as reweighted)" : ""),
                    List.of(leftOutReweighted > 0 ? ALL_REWEIGHTED : NO_COUNTED_CLINICIANS));
        }
        List<Map.Entry<Double, Integer>> rows = new ArrayList<>(countedByScore.entrySet());
        rows.sort(Map.Entry.<Double, Integer>comparingByKey(Comparator.reverseOrder()));
        BigDecimal total = BigDecimal.ZERO;
        List<String> terms = new ArrayList<>();
        for (Map.Entry<Double, Integer> row : rows) {
            total = total.add(BigDecimal.valueOf(row.getKey()).multiply(BigDecimal.valueOf(row.getValue())));
            terms.add(number(row.getKey()) + "×" + row.getValue());
        }
        BigDecimal mean = total.divide(BigDecimal.valueOf(counted), rules.decimals(), rules.roundingMode());
        String formula = "(" + String.join(" + ", terms) + ")/" + counted + " = " + mean.toPlainString();
        return new ApmEntityResult(ApmEntityScoreMethod.ROLLED_UP, mean.doubleValue(), counted, scored,
                leftOutReweighted, null, formula, List.of());
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
