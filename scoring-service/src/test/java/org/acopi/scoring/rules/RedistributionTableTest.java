package org.acopi.scoring.rules;

import static org.acopi.scoring.fixtures.MeasurementSets.defaults;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acopi.scoring.fixtures.MeasurementSets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the redistribution result table of docs/pi-rules.md §2.4, read back from the explained parts. */
class RedistributionTableTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();
    private static final String PH = "PI_PHCDRR_1+PI_PHCDRR_3";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("0 none", 2026, List.of(), false, 10, 10, 15, 15, 0, 25, 25),
                row("1 LVPP_1", 2026, List.of("PI_LVPP_1"), false, 0, 10, 20, 20, 0, 25, 25),
                row("1B LVPP_1 option B", 2026, List.of("PI_LVPP_1"), true, 0, 10, 0, 0, 40, 25, 25),
                row("2 EP_2_EX_1", 2026, List.of("PI_EP_2_EX_1"), false, 20, 0, 15, 15, 0, 25, 25),
                row("2 EP_2_EX_2", 2025, List.of("PI_EP_2_EX_2"), false, 20, 0, 15, 15, 0, 25, 25),
                row("3 LVPP_1 + EP_2_EX", 2026, List.of("PI_LVPP_1", "PI_EP_2_EX_1"), false, 0, 0, 25, 25, 0, 25, 25),
                row("3B LVPP_1 + EP_2_EX option B", 2026, List.of("PI_LVPP_1", "PI_EP_2_EX_1"), true, 0, 0, 0, 0, 50, 25, 25),
                row("4 LVOTC_1", 2026, List.of("PI_LVOTC_1"), false, 10, 10, 0, 15, 0, 40, 25),
                row("5 LVITC_2", 2026, List.of("PI_LVITC_2"), false, 10, 10, 15, 0, 0, 40, 25),
                row("6 LVOTC_1 + LVITC_2", 2026, List.of("PI_LVOTC_1", "PI_LVITC_2"), false, 10, 10, 0, 0, 0, 55, 25),
                row("7 LVPP_1 + LVOTC_1", 2026, List.of("PI_LVPP_1", "PI_LVOTC_1"), false, 0, 10, 0, 20, 0, 45, 25),
                row("8 LVPP_1 + LVOTC_1 + LVITC_2", 2026, List.of("PI_LVPP_1", "PI_LVOTC_1", "PI_LVITC_2"), false,
                        0, 10, 0, 0, 0, 65, 25),
                row("9 all four", 2026, List.of("PI_LVPP_1", "PI_EP_2_EX_2", "PI_LVOTC_1", "PI_LVITC_2"), false,
                        0, 0, 0, 0, 0, 75, 25),
                row("10 both PH excluded PY2026", 2026, List.of("PI_PHCDRR_1_EX_1", "PI_PHCDRR_3_EX_2"), false,
                        10, 10, 15, 15, 0, 50, 0),
                row("10' both PH excluded PY2025", 2025, List.of("PI_PHCDRR_1_EX_1", "PI_PHCDRR_3_EX_2"), false,
                        10, 10, 15, 15, 0, 25, 25),
                row("11 row 6 + row 10 PY2026", 2026,
                        List.of("PI_LVOTC_1", "PI_LVITC_2", "PI_PHCDRR_1_EX_3", "PI_PHCDRR_3_EX_3"), false,
                        10, 10, 0, 0, 0, 80, 0),
                row("12 one PH exclusion", 2026, List.of("PI_PHCDRR_1_EX_2"), false, 10, 10, 15, 15, 0, 25, 25));
    }

    private static Arguments row(String name, int py, List<String> exclusions, boolean optionB, int ep1, int ep2,
                                 int hie1, int hie4, int hie5, int pea, int ph) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("PI_EP_1", ep1);
        expected.put("PI_EP_2", ep2);
        if (optionB) {
            expected.put("PI_HIE_5", hie5);
        } else {
            expected.put("PI_HIE_1", hie1);
            expected.put("PI_HIE_4", hie4);
        }
        expected.put("PI_PEA_1", pea);
        expected.put(PH, ph);
        return Arguments.of(name, py, exclusions, optionB, expected);
    }

    @ParameterizedTest(name = "row {0}")
    @MethodSource("rows")
    void effectiveMaximaMatchTheTable(String name, int py, List<String> exclusions, boolean optionB,
                                      Map<String, Integer> expected) {
        MeasurementSets.Builder set = defaults(py);
        if (optionB) {
            set.without("PI_HIE_1", "PI_HIE_4").yes("PI_HIE_5");
        }
        for (String exclusion : exclusions) {
            String excluded = RULES.year(py).catalogue().measureExcludedBy(exclusion);
            set.without(excluded).yes(exclusion);
            if (excluded.startsWith("PI_PHCDRR")) {
                set.without(excluded + "_PROD");
            }
        }
        PiScore score = RULES.score(set.build());
        assertThat(score.problems()).isEmpty();
        Map<String, Integer> maxima = new LinkedHashMap<>();
        score.parts().stream().filter(p -> expected.containsKey(p.measureId()))
                .forEach(p -> maxima.put(p.measureId(), p.maxPoints()));
        assertThat(maxima).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(maxima.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(score.score()).isEqualTo(100);
    }
}
