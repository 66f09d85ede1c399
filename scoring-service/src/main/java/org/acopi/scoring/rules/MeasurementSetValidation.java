package org.acopi.scoring.rules;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Submission validation of docs/pi-rules.md §2.6 (SD-MEAS, SD-LOG 8/15/20 and 8/15/21, CT-HIE5 code 102): measure ids of
 * the PY, value types, proportion ranges, no exclusion with its measure, no substitute with its original, one HIE
 * option only, a performance period. Every problem is reported, not just the first.
 */
final class MeasurementSetValidation {

    private final PerformanceYearRules rules;

    MeasurementSetValidation(PerformanceYearRules rules) {
        this.rules = rules;
    }

    void validate(PiMeasurementSet set, ProblemList problems) {
        MeasureCatalogue catalogue = rules.catalogue();
        Map<String, MeasureCatalogue.MeasureDefinition> submitted = new LinkedHashMap<>();
        List<ReportedMeasure> measurements = set.measurements();
        for (int i = 0; i < measurements.size(); i++) {
            ReportedMeasure m = measurements.get(i);
            String id = m == null ? null : m.measureId();
            if (id == null || id.isBlank()) {
                problems.add(ProblemCode.MEASURE_ID_MISSING, "measurement #" + (i + 1) + " has no measureId");
                continue;
            }
            MeasureCatalogue.MeasureDefinition def = catalogue.get(id);
            if (submitted.containsKey(id)) {
                problems.add(ProblemCode.DUPLICATE_MEASURE, id + " appears more than once");
                continue;
            }
            submitted.put(id, def);
            if (def == null) {
                problems.add(ProblemCode.MEASURE_NOT_IN_PERFORMANCE_YEAR,
                        id + " is not a PI measure of PY" + rules.performanceYear());
                continue;
            }
            checkValue(def, m.value(), problems);
        }
        Set<String> reportedPairs = new HashSet<>();
        for (MeasureCatalogue.MeasureDefinition def : submitted.values()) {
            if (def == null) {
                continue;
            }
            for (String exclusion : def.exclusions()) {
                if (submitted.containsKey(exclusion)) {
                    problems.add(ProblemCode.EXCLUSION_WITH_MEASURE, exclusion + " excludes " + def.id()
                            + ": submit the measure or its exclusion, not both");
                }
            }
            for (String substitute : def.substitutes()) {
                if (submitted.containsKey(substitute) && reportedPairs.add(pair(def.id(), substitute))) {
                    problems.add(ProblemCode.SUBSTITUTE_WITH_MEASURE, substitute + " cannot be submitted with " + def.id());
                }
            }
        }
        checkHieOptions(submitted.keySet(), reportedPairs, problems);
        if (set.performanceStart() == null || set.performanceEnd() == null) {
            problems.add(ProblemCode.PERFORMANCE_PERIOD_MISSING, ProblemCode.PERFORMANCE_PERIOD_MISSING.description());
        } else if (set.performanceEnd().isBefore(set.performanceStart())) {
            problems.add(ProblemCode.PERFORMANCE_PERIOD_ORDER, ProblemCode.PERFORMANCE_PERIOD_ORDER.description());
        }
    }

    private static void checkValue(MeasureCatalogue.MeasureDefinition def, MeasureValue value, ProblemList problems) {
        if (def.proportion()) {
            if (!(value instanceof MeasureValue.Ratio ratio)) {
                problems.add(ProblemCode.VALUE_TYPE, def.id() + " is a proportion measure: its value must be "
                        + "{numerator, denominator}, not " + describe(value));
            } else if (ratio.denominator() <= 0 || ratio.numerator() < 0 || ratio.numerator() > ratio.denominator()) {
                problems.add(ProblemCode.PROPORTION_OUT_OF_RANGE, def.id() + " " + ratio.text()
                        + ": the denominator must be > 0 and 0 <= numerator <= denominator");
            }
        } else if (!(value instanceof MeasureValue.YesNo)) {
            problems.add(ProblemCode.VALUE_TYPE, def.id() + " is a boolean measure: its value must be true or false, not "
                    + describe(value));
        }
    }

    private static String describe(MeasureValue value) {
        return value == null ? "null" : value.text();
    }

    /** Measures (or their exclusions) of two HIE options in one set are substitutes of each other (CT-HIE5 code 102). */
    private void checkHieOptions(Set<String> submitted, Set<String> reportedPairs, ProblemList problems) {
        Map<Integer, String> firstOfOption = new LinkedHashMap<>();
        for (String id : submitted) {
            Integer option = rules.hieOptionOf(id);
            if (option != null) {
                firstOfOption.putIfAbsent(option, id);
            }
        }
        if (firstOfOption.size() < 2) {
            return;
        }
        for (String a : submitted) {
            Integer optionA = rules.hieOptionOf(a);
            if (optionA == null) {
                continue;
            }
            for (String b : submitted) {
                Integer optionB = rules.hieOptionOf(b);
                if (optionB != null && optionA < optionB && reportedPairs.add(pair(a, b))) {
                    problems.add(ProblemCode.SUBSTITUTE_WITH_MEASURE, b + " (HIE option "
                            + rules.hieOptions().get(optionB).option() + ") cannot be submitted with " + a
                            + " (HIE option " + rules.hieOptions().get(optionA).option() + ")");
                }
            }
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
