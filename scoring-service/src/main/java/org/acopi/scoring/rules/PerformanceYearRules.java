package org.acopi.scoring.rules;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.acopi.contracts.ReasonCatalogue;

/**
 * The MIPS PI category rules of one performance year (docs/pi-rules.md §1–§5 for PY2025 and PY2026), built from CMS's
 * measures data and acopi's {@code scoring.json} for that year: validation of a measurement set (§2.6) and the
 * explained category score (§2.5). Loading checks that the two files agree, so a rules-data mistake stops start-up
 * instead of mis-scoring.
 */
public final class PerformanceYearRules {

    /** A redistribution target meaning "the measures of the chosen HIE option" (docs/pi-rules.md §2.3 R1). */
    static final String HIE_OPTION = "HIE_OPTION";
    /** A redistribution source meaning "the public-health pair" (docs/pi-rules.md §2.3 R6). */
    static final String PUBLIC_HEALTH_PAIR = "PUBLIC_HEALTH_PAIR";

    private final int performanceYear;
    private final String rulesVersion;
    private final MeasureCatalogue catalogue;
    private final Pattern cehrtIdPattern;
    private final int minimumPerformanceDays;
    private final List<String> requiredAttestations;
    private final List<String> optionalAttestations;
    private final Map<String, Integer> measurePoints;
    private final Set<String> requiredMeasures;
    private final boolean answeredNoZeroesCategory;
    private final List<ScoringData.HieOption> hieOptions;
    private final Map<String, Integer> hieOptionOf;
    private final List<String> publicHealthPair;
    private final String publicHealthPairId;
    private final int publicHealthPairPoints;
    private final boolean engagementLevelRequiredOnYes;
    private final boolean engagementLevelRequiredForBonus;
    private final List<ScoringData.Redistribution> redistribution;
    private final Set<String> suppressed;
    private final ScoringData.Bonus bonus;
    private final int categoryCap;
    private final RoundingMode roundingMode;
    private final boolean minimumOnePoint;
    private final ApmEntityRollupRules apmEntityRollup;
    private final MeasurementSetValidation validation;
    private final CategoryScoring scoring;

    PerformanceYearRules(ScoringData data, MeasureCatalogue catalogue, String source) {
        Checks checks = new Checks(source, catalogue);
        this.performanceYear = data.performanceYear();
        this.rulesVersion = checks.present(data.rulesVersion(), "rulesVersion");
        this.catalogue = catalogue;
        ScoringData.Gates gates = checks.present(data.gates(), "gates");
        this.cehrtIdPattern = Pattern.compile(checks.present(gates.cehrtIdPattern(), "gates.cehrtIdPattern"));
        this.minimumPerformanceDays = gates.minimumPerformanceDays();
        this.requiredAttestations = checks.measures(gates.requiredAttestations(), "gates.requiredAttestations");
        this.optionalAttestations = checks.measures(gates.optionalAttestations(), "gates.optionalAttestations");
        this.measurePoints = new LinkedHashMap<>(checks.present(data.measurePoints(), "measurePoints"));
        checks.measures(List.copyOf(measurePoints.keySet()), "measurePoints");
        this.requiredMeasures = new LinkedHashSet<>(checks.measures(data.requiredMeasures(), "requiredMeasures"));
        this.answeredNoZeroesCategory = checks.present(checks.present(data.answeredNo(), "answeredNo").zeroesCategory(),
                "answeredNo.zeroesCategory");
        this.hieOptions = List.copyOf(checks.present(data.hieOptions(), "hieOptions"));
        if (hieOptions.isEmpty()) {
            throw checks.fail("hieOptions must list at least one option");
        }
        Map<String, Integer> optionOf = new LinkedHashMap<>();
        for (int i = 0; i < hieOptions.size(); i++) {
            for (String m : checks.measures(hieOptions.get(i).measures(), "hieOptions." + hieOptions.get(i).option())) {
                if (!measurePoints.containsKey(m)) {
                    throw checks.fail("HIE option measure " + m + " has no measurePoints entry");
                }
                optionOf.put(m, i);
                for (String ex : catalogue.get(m).exclusions()) {
                    optionOf.put(ex, i);
                }
            }
        }
        this.hieOptionOf = Map.copyOf(optionOf);
        ScoringData.PublicHealthPair pair = checks.present(data.publicHealthPair(), "publicHealthPair");
        this.publicHealthPair = checks.measures(pair.measures(), "publicHealthPair.measures");
        this.publicHealthPairId = String.join("+", publicHealthPair);
        this.publicHealthPairPoints = pair.points();
        ScoringData.EngagementLevels levels = checks.present(data.engagementLevels(), "engagementLevels");
        this.engagementLevelRequiredOnYes = checks.present(levels.requiredOnYes(), "engagementLevels.requiredOnYes");
        this.engagementLevelRequiredForBonus = checks.present(levels.requiredForBonus(),
                "engagementLevels.requiredForBonus");
        this.redistribution = List.copyOf(checks.present(data.redistribution(), "redistribution"));
        for (ScoringData.Redistribution r : redistribution) {
            checks.measures(r.whenExcluded(), "redistribution " + r.rule() + " whenExcluded");
            for (String m : r.whenExcluded()) {
                if (catalogue.get(m).exclusions().isEmpty()) {
                    throw checks.fail("redistribution " + r.rule() + ": " + m + " has no exclusion in the measures data");
                }
            }
            if (!PUBLIC_HEALTH_PAIR.equals(r.from())) {
                checks.units(List.of(r.from()), measurePoints, "redistribution " + r.rule() + " from");
            }
            checks.units(r.to().stream().filter(t -> !HIE_OPTION.equals(t)).toList(), measurePoints,
                    "redistribution " + r.rule() + " to");
        }
        this.suppressed = Set.copyOf(checks.measures(data.suppressed(), "suppressed"));
        this.bonus = checks.present(data.bonus(), "bonus");
        checks.measures(bonus.measures(), "bonus.measures");
        this.categoryCap = data.categoryCap();
        ScoringData.Rounding rounding = checks.present(data.rounding(), "rounding");
        this.roundingMode = RoundingMode.valueOf(checks.present(rounding.mode(), "rounding.mode"));
        this.minimumOnePoint = rounding.minimumOnePoint();
        ScoringData.ApmEntityRollup rollup = checks.present(data.apmEntityRollup(), "apmEntityRollup");
        this.apmEntityRollup = new ApmEntityRollupRules(
                Set.copyOf(ReasonCatalogue.forYear(performanceYear).codes(reason -> !reason.inApmEntityRollup())),
                rollup.decimals(),
                RoundingMode.valueOf(checks.present(rollup.roundingMode(), "apmEntityRollup.roundingMode")),
                rollup.entitySubmissionDecides());
        this.validation = new MeasurementSetValidation(this);
        this.scoring = new CategoryScoring(this);
        for (Map<String, Integer> row : scoring.redistributionRows()) {
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            if (total != categoryCap) {
                throw checks.fail("a combination of exclusions leaves maxima " + row + " summing to " + total
                        + ", not " + categoryCap + " (docs/pi-rules.md §2.4: every row sums to 100)");
            }
        }
    }

    public int performanceYear() {
        return performanceYear;
    }

    /** The version every score of this PY carries, for example {@code acopi-pi-rules/2026.1}. */
    public String rulesVersion() {
        return rulesVersion;
    }

    public ApmEntityRollupRules apmEntityRollup() {
        return apmEntityRollup;
    }

    void validate(PiMeasurementSet set, ProblemList problems) {
        validation.validate(set, problems);
    }

    PiScore score(PiMeasurementSet set) {
        return scoring.score(set);
    }

    MeasureCatalogue catalogue() {
        return catalogue;
    }

    Pattern cehrtIdPattern() {
        return cehrtIdPattern;
    }

    int minimumPerformanceDays() {
        return minimumPerformanceDays;
    }

    List<String> requiredAttestations() {
        return requiredAttestations;
    }

    List<String> optionalAttestations() {
        return optionalAttestations;
    }

    Map<String, Integer> measurePoints() {
        return measurePoints;
    }

    Set<String> requiredMeasures() {
        return requiredMeasures;
    }

    /** docs/pi-rules.md §11.4 item 3: whether a "no" on a required yes/no measure zeroes the category. */
    boolean answeredNoZeroesCategory() {
        return answeredNoZeroesCategory;
    }

    List<ScoringData.HieOption> hieOptions() {
        return hieOptions;
    }

    /** The index of the HIE option a measure or one of its exclusions belongs to, or null. */
    Integer hieOptionOf(String measureId) {
        return hieOptionOf.get(measureId);
    }

    List<String> publicHealthPair() {
        return publicHealthPair;
    }

    String publicHealthPairId() {
        return publicHealthPairId;
    }

    int publicHealthPairPoints() {
        return publicHealthPairPoints;
    }

    boolean engagementLevelRequiredOnYes() {
        return engagementLevelRequiredOnYes;
    }

    boolean engagementLevelRequiredForBonus() {
        return engagementLevelRequiredForBonus;
    }

    List<ScoringData.Redistribution> redistribution() {
        return redistribution;
    }

    boolean isSuppressed(String measureId) {
        return suppressed.contains(measureId);
    }

    ScoringData.Bonus bonus() {
        return bonus;
    }

    int categoryCap() {
        return categoryCap;
    }

    RoundingMode roundingMode() {
        return roundingMode;
    }

    boolean minimumOnePoint() {
        return minimumOnePoint;
    }

    /** Consistency checks between scoring.json and the CMS measures data, with messages naming the file. */
    private static final class Checks {
        private final String source;
        private final MeasureCatalogue catalogue;

        Checks(String source, MeasureCatalogue catalogue) {
            this.source = source;
            this.catalogue = catalogue;
        }

        <T> T present(T value, String field) {
            if (value == null) {
                throw fail(field + " is missing");
            }
            return value;
        }

        List<String> measures(List<String> ids, String field) {
            present(ids, field);
            Set<String> seen = new HashSet<>();
            for (String id : ids) {
                if (!catalogue.contains(id)) {
                    throw fail(field + ": " + id + " is not in the measures data");
                }
                if (!seen.add(id)) {
                    throw fail(field + ": " + id + " is listed twice");
                }
            }
            return List.copyOf(ids);
        }

        void units(List<String> ids, Map<String, Integer> measurePoints, String field) {
            List<String> unknown = new ArrayList<>();
            for (String id : Objects.requireNonNull(ids)) {
                if (!measurePoints.containsKey(id)) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                throw fail(field + ": " + unknown + " are not scored measures (measurePoints)");
            }
        }

        IllegalStateException fail(String message) {
            return new IllegalStateException(source + ": " + message);
        }
    }
}
