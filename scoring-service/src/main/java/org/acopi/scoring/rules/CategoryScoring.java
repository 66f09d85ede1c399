package org.acopi.scoring.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.acopi.events.MeasureStatus;

/**
 * The PI category score of a valid measurement set, following the reference algorithm of docs/pi-rules.md §2.5: gates
 * (§4.1), HIE option, redistribution of excluded measures' points (§2.3), per-measure points with half-up rounding
 * and the 1-point floor (§2.2, §3), the public-health pair (§2.2), suppression (§5), bonus and cap (§2.1). Every
 * number comes from the {@link PerformanceYearRules} of the set's PY.
 */
final class CategoryScoring {

    private enum PairState { YES, NO, EXCLUDED, SUPPRESSED, MISSING }

    /** Effective maxima of the scored units (measures and the public-health pair) and where moved points went. */
    record Maxima(Map<String, Integer> max, Map<String, String> redistributed) {
    }

    private final PerformanceYearRules rules;
    private final MeasureCatalogue catalogue;

    CategoryScoring(PerformanceYearRules rules) {
        this.rules = rules;
        this.catalogue = rules.catalogue();
    }

    PiScore score(PiMeasurementSet set) {
        Submitted submitted = new Submitted(set.measurements());
        List<String> zeroReasons = new ArrayList<>();
        if (set.cehrtId() == null || !rules.cehrtIdPattern().matcher(set.cehrtId()).matches()) {
            zeroReasons.add("Z_CEHRT");
        }
        if (!periodQualifies(set.performanceStart(), set.performanceEnd())) {
            zeroReasons.add("Z_PERIOD");
        }
        List<MeasurePart> attestations = attestationParts(submitted, zeroReasons);

        int option = chosenHieOption(submitted);
        Maxima maxima = effectiveMaxima(option, id -> isExcluded(submitted, id));
        Set<String> required = new HashSet<>(rules.requiredMeasures());
        required.addAll(rules.hieOptions().get(option).measures());

        List<MeasurePart> parts = new ArrayList<>();
        int sum = 0;
        for (Map.Entry<String, Integer> unit : maxima.max().entrySet()) {
            MeasurePart part = unit.getKey().equals(rules.publicHealthPairId())
                    ? publicHealthPairPart(unit.getValue(), submitted, required, maxima, zeroReasons)
                    : measurePart(unit.getKey(), unit.getValue(), submitted, required.contains(unit.getKey()), maxima,
                            zeroReasons);
            parts.add(part);
            sum += part.points();
        }
        int bonus = addBonusParts(submitted, parts);
        parts.addAll(attestations);

        boolean zeroed = !zeroReasons.isEmpty();
        int category = Math.min(rules.categoryCap(), sum + bonus);
        return new PiScore(rules.performanceYear(), true, zeroed ? 0 : category, zeroed ? 0 : bonus, parts, zeroReasons,
                List.of(), rules.rulesVersion());
    }

    /** docs/pi-rules.md §2.3/§2.4: the maxima after applying the redistribution rules in order. */
    Maxima effectiveMaxima(int option, Predicate<String> excluded) {
        List<String> optionMeasures = rules.hieOptions().get(option).measures();
        Map<String, Integer> max = new LinkedHashMap<>();
        rules.measurePoints().forEach((id, points) -> {
            Integer measureOption = rules.hieOptionOf(id);
            if (measureOption == null || measureOption == option) {
                max.put(id, points);
            }
        });
        max.put(rules.publicHealthPairId(), rules.publicHealthPairPoints());
        Map<String, String> redistributed = new HashMap<>();
        for (ScoringData.Redistribution rule : rules.redistribution()) {
            if (!rule.whenExcluded().stream().allMatch(excluded)) {
                continue;
            }
            String from = PerformanceYearRules.PUBLIC_HEALTH_PAIR.equals(rule.from()) ? rules.publicHealthPairId() : rule.from();
            Integer amount = max.get(from);
            if (amount == null || amount == 0) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (String to : rule.to()) {
                if (PerformanceYearRules.HIE_OPTION.equals(to)) {
                    targets.addAll(optionMeasures);
                } else {
                    targets.add(to);
                }
            }
            targets.removeIf(t -> !max.containsKey(t) || t.equals(from));
            if (targets.isEmpty()) {
                continue;
            }
            max.put(from, 0);
            int share = amount / targets.size();
            int remainder = amount % targets.size();
            StringBuilder note = new StringBuilder().append(amount).append(" points redistributed (")
                    .append(rule.rule()).append("): ");
            for (int i = 0; i < targets.size(); i++) {
                int added = share + (i == 0 ? remainder : 0);
                max.merge(targets.get(i), added, Integer::sum);
                note.append(i == 0 ? "" : ", ").append(targets.get(i)).append(" +").append(added);
            }
            redistributed.put(from, note.toString());
        }
        return new Maxima(max, redistributed);
    }

    /** The effective maxima of every HIE option under every combination of claimable exclusions. */
    List<Map<String, Integer>> redistributionRows() {
        List<Map<String, Integer>> rows = new ArrayList<>();
        for (int option = 0; option < rules.hieOptions().size(); option++) {
            List<String> excludable = new ArrayList<>();
            for (String id : rules.measurePoints().keySet()) {
                Integer measureOption = rules.hieOptionOf(id);
                if ((measureOption == null || measureOption == option) && excludable(id)) {
                    excludable.add(id);
                }
            }
            rules.publicHealthPair().stream().filter(this::excludable).forEach(excludable::add);
            if (excludable.size() > 16) {
                throw new IllegalStateException("too many excludable measures to enumerate: " + excludable);
            }
            for (int mask = 0; mask < (1 << excludable.size()); mask++) {
                Set<String> excluded = new HashSet<>();
                for (int bit = 0; bit < excludable.size(); bit++) {
                    if ((mask & (1 << bit)) != 0) {
                        excluded.add(excludable.get(bit));
                    }
                }
                rows.add(effectiveMaxima(option, excluded::contains).max());
            }
        }
        return rows;
    }

    private boolean excludable(String measureId) {
        return !rules.isSuppressed(measureId) && !catalogue.get(measureId).exclusions().isEmpty();
    }

    private boolean periodQualifies(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return false;
        }
        long inclusiveDays = ChronoUnit.DAYS.between(start, end) + 1;
        return start.getYear() == rules.performanceYear() && end.getYear() == rules.performanceYear()
                && inclusiveDays >= rules.minimumPerformanceDays();
    }

    private int chosenHieOption(Submitted submitted) {
        for (String id : submitted.ids()) {
            Integer option = rules.hieOptionOf(id);
            if (option != null) {
                return option;
            }
        }
        return 0;
    }

    private boolean isExcluded(Submitted submitted, String measureId) {
        return !rules.isSuppressed(measureId) && submitted.claimedExclusion(measureId) != null;
    }

    private MeasurePart measurePart(String id, int max, Submitted submitted, boolean required, Maxima maxima,
                                    List<String> zeroReasons) {
        MeasureCatalogue.MeasureDefinition def = catalogue.get(id);
        MeasureValue value = submitted.value(id);
        if (rules.isSuppressed(id)) {
            String exclusion = submitted.anyExclusion(id);
            if (value != null || exclusion != null) {
                String shown = value != null ? value.text() : exclusion + "=" + submitted.value(exclusion).text();
                return new MeasurePart(id, def.objective(), shown, max, max,
                        "suppressed in PY" + rules.performanceYear() + ": full credit = " + max, MeasureStatus.SUPPRESSED);
            }
            return notSubmitted(def, max, required, zeroReasons);
        }
        String exclusion = submitted.claimedExclusion(id);
        if (exclusion != null) {
            String moved = maxima.redistributed().get(id);
            return new MeasurePart(id, def.objective(), exclusion + "=true", 0, max,
                    "excluded by " + exclusion + "; " + (moved == null ? "its points are not redistributed" : moved),
                    moved == null ? MeasureStatus.EXCLUDED : MeasureStatus.REDISTRIBUTED);
        }
        if (value == null) {
            return notSubmitted(def, max, required, zeroReasons);
        }
        if (value instanceof MeasureValue.Ratio ratio) {
            if (required && ratio.numerator() == 0) {
                zeroReasons.add("Z_NUMERATOR0_" + id);
            }
            int rounded = BigDecimal.valueOf(ratio.numerator()).multiply(BigDecimal.valueOf(max))
                    .divide(BigDecimal.valueOf(ratio.denominator()), 0, rules.roundingMode()).intValueExact();
            boolean floor = rules.minimumOnePoint() && rounded == 0 && ratio.numerator() >= 1 && max > 0;
            int points = floor ? 1 : rounded;
            String formula = "((" + ratio.numerator() + "/" + ratio.denominator() + ")*" + max + ") = " + rounded
                    + (floor ? " → 1 (1-point floor)" : "");
            return new MeasurePart(id, def.objective(), value.text(), points, max, formula, MeasureStatus.SCORED);
        }
        boolean yes = ((MeasureValue.YesNo) value).yes();
        if (required && !yes && rules.answeredNoZeroesCategory()) {
            zeroReasons.add("Z_ANSWERED_NO_" + id);
        }
        if (required && yes && !engagementLevelOk(def, submitted, rules.engagementLevelRequiredOnYes())) {
            zeroReasons.add("Z_NO_ENGAGEMENT_LEVEL_" + id);
        }
        int points = yes ? max : 0;
        return new MeasurePart(id, def.objective(), value.text(), points, max, value.text() + " = " + points,
                MeasureStatus.SCORED);
    }

    private MeasurePart notSubmitted(MeasureCatalogue.MeasureDefinition def, int max, boolean required,
                                     List<String> zeroReasons) {
        if (required) {
            zeroReasons.add("Z_MISSING_" + def.id());
        }
        return new MeasurePart(def.id(), def.objective(), null, 0, max,
                "not submitted = 0" + (required ? " (required: category 0)" : ""), MeasureStatus.NOT_SUBMITTED);
    }

    /**
     * docs/pi-rules.md §2.2: Y+Y, Y+EX, Y+SUP, EX+SUP earn the pair's points; a missing member zeroes the category, and so
     * does an N unless the PY's {@code answeredNo} says otherwise (§11.4 item 3), when the pair simply earns 0.
     */
    private MeasurePart publicHealthPairPart(int max, Submitted submitted, Set<String> required, Maxima maxima,
                                             List<String> zeroReasons) {
        List<String> values = new ArrayList<>();
        List<String> described = new ArrayList<>();
        boolean anyYesOrSuppressed = false;
        boolean allSatisfied = true;
        boolean allExcluded = true;
        boolean anySuppressed = false;
        boolean anyMissing = false;
        for (String id : rules.publicHealthPair()) {
            MeasureCatalogue.MeasureDefinition def = catalogue.get(id);
            PairState state = pairState(id, submitted);
            boolean isRequired = required.contains(id);
            String text;
            switch (state) {
                case YES -> {
                    String level = submitted.engagementLevel(def);
                    text = "yes" + (level == null ? "" : " (" + level + ")");
                    if (isRequired && !engagementLevelOk(def, submitted, rules.engagementLevelRequiredOnYes())) {
                        zeroReasons.add("Z_NO_ENGAGEMENT_LEVEL_" + id);
                        text = "yes without exactly one engagement level";
                    }
                }
                case NO -> {
                    text = "no";
                    if (isRequired && rules.answeredNoZeroesCategory()) {
                        zeroReasons.add("Z_ANSWERED_NO_" + id);
                    }
                }
                case EXCLUDED -> text = "excluded (" + submitted.claimedExclusion(id) + ")";
                case SUPPRESSED -> text = "suppressed in PY" + rules.performanceYear();
                default -> {
                    text = "not submitted";
                    if (isRequired) {
                        zeroReasons.add("Z_MISSING_" + id);
                    }
                }
            }
            values.add(id + "=" + text);
            described.add(id + " " + text);
            anyYesOrSuppressed |= state == PairState.YES || state == PairState.SUPPRESSED;
            allSatisfied &= state == PairState.YES || state == PairState.SUPPRESSED || state == PairState.EXCLUDED;
            allExcluded &= state == PairState.EXCLUDED;
            anySuppressed |= state == PairState.SUPPRESSED;
            anyMissing |= state == PairState.MISSING;
        }
        String id = rules.publicHealthPairId();
        String objective = catalogue.get(rules.publicHealthPair().get(0)).objective();
        String value = String.join(", ", values);
        String moved = maxima.redistributed().get(id);
        if (moved != null) {
            return new MeasurePart(id, objective, value, 0, max, "both excluded; " + moved, MeasureStatus.REDISTRIBUTED);
        }
        String members = String.join(" + ", described);
        if (anyYesOrSuppressed && allSatisfied) {
            return new MeasurePart(id, objective, value, max, max, members + " = " + max,
                    anySuppressed ? MeasureStatus.SUPPRESSED : MeasureStatus.SCORED);
        }
        if (allExcluded) {
            return new MeasurePart(id, objective, value, 0, max, members + "; its points are not redistributed = 0",
                    MeasureStatus.EXCLUDED);
        }
        return new MeasurePart(id, objective, value, 0, max, members + " = 0",
                anyMissing ? MeasureStatus.NOT_SUBMITTED : MeasureStatus.SCORED);
    }

    private PairState pairState(String id, Submitted submitted) {
        MeasureValue value = submitted.value(id);
        if (rules.isSuppressed(id)) {
            return value != null || submitted.anyExclusion(id) != null ? PairState.SUPPRESSED : PairState.MISSING;
        }
        if (submitted.claimedExclusion(id) != null) {
            return PairState.EXCLUDED;
        }
        if (value instanceof MeasureValue.YesNo answer) {
            return answer.yes() ? PairState.YES : PairState.NO;
        }
        return PairState.MISSING;
    }

    /**
     * docs/pi-rules.md §2.1, §11.4 item 4: one "yes" earns the bonus, capped in total; it needs its engagement level when
     * the PY's {@code engagementLevels.requiredForBonus} says so.
     */
    private int addBonusParts(Submitted submitted, List<MeasurePart> parts) {
        ScoringData.Bonus bonus = rules.bonus();
        int earned = 0;
        for (String id : bonus.measures()) {
            MeasureValue value = submitted.value(id);
            if (value == null) {
                continue;
            }
            MeasureCatalogue.MeasureDefinition def = catalogue.get(id);
            boolean yes = value instanceof MeasureValue.YesNo answer && answer.yes();
            int points = 0;
            String formula;
            if (!yes) {
                formula = value.text() + " = 0";
            } else if (!engagementLevelOk(def, submitted, rules.engagementLevelRequiredForBonus())) {
                formula = "true without exactly one engagement level = 0";
            } else {
                points = Math.min(bonus.pointsEach(), bonus.maxTotal() - earned);
                earned += points;
                String level = submitted.engagementLevel(def);
                formula = "true" + (level == null ? "" : " (" + level + ")") + " = " + points
                        + (points < bonus.pointsEach() ? " (bonus is at most " + bonus.maxTotal() + " in total)" : "");
            }
            parts.add(new MeasurePart(id, def.objective(), value.text(), points, bonus.pointsEach(), formula,
                    MeasureStatus.BONUS));
        }
        return earned;
    }

    /** docs/pi-rules.md §4.1 Z_ATTEST_&lt;id&gt;; §1.3 optional attestations have no effect. */
    private List<MeasurePart> attestationParts(Submitted submitted, List<String> zeroReasons) {
        List<MeasurePart> parts = new ArrayList<>();
        for (String id : rules.requiredAttestations()) {
            MeasureValue value = submitted.value(id);
            boolean yes = value instanceof MeasureValue.YesNo answer && answer.yes();
            if (!yes) {
                zeroReasons.add("Z_ATTEST_" + id);
            }
            String formula = value == null ? "required attestation not submitted: category 0"
                    : "required attestation: " + value.text() + (yes ? "" : ": category 0");
            parts.add(new MeasurePart(id, catalogue.get(id).objective(), value == null ? null : value.text(), 0, 0,
                    formula, MeasureStatus.ATTESTED));
        }
        for (String id : rules.optionalAttestations()) {
            MeasureValue value = submitted.value(id);
            if (value != null) {
                parts.add(new MeasurePart(id, catalogue.get(id).objective(), value.text(), 0, 0,
                        "optional attestation: no scoring effect", MeasureStatus.ATTESTED));
            }
        }
        return parts;
    }

    private static boolean engagementLevelOk(MeasureCatalogue.MeasureDefinition def, Submitted submitted,
                                             boolean levelRequired) {
        if (!levelRequired || def.engagementLevels().isEmpty()) {
            return true;
        }
        int levels = 0;
        for (String level : def.engagementLevels()) {
            if (submitted.isYes(level)) {
                levels++;
            }
        }
        return levels == 1;
    }

    /** The measurements of one set by id, with the exclusion and engagement-level look-ups scoring needs. */
    private final class Submitted {
        private final Map<String, MeasureValue> values;

        Submitted(List<ReportedMeasure> measurements) {
            values = new LinkedHashMap<>(measurements.size() * 2);
            for (ReportedMeasure m : measurements) {
                values.put(m.measureId(), m.value());
            }
        }

        Set<String> ids() {
            return values.keySet();
        }

        MeasureValue value(String id) {
            return values.get(id);
        }

        boolean isYes(String id) {
            return values.get(id) instanceof MeasureValue.YesNo answer && answer.yes();
        }

        /** The exclusion of a measure claimed with "true", or null. */
        String claimedExclusion(String measureId) {
            for (String exclusion : catalogue.get(measureId).exclusions()) {
                if (isYes(exclusion)) {
                    return exclusion;
                }
            }
            return null;
        }

        /** Any submitted exclusion of a measure, whatever its answer, or null. */
        String anyExclusion(String measureId) {
            for (String exclusion : catalogue.get(measureId).exclusions()) {
                if (values.containsKey(exclusion)) {
                    return exclusion;
                }
            }
            return null;
        }

        String engagementLevel(MeasureCatalogue.MeasureDefinition def) {
            for (String level : def.engagementLevels()) {
                if (isYes(level)) {
                    return level;
                }
            }
            return null;
        }
    }
}
