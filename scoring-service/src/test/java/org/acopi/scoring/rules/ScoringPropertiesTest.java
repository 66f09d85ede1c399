package org.acopi.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.acopi.events.MeasureStatus;
import org.acopi.scoring.fixtures.MeasurementSets;

/**
 * Properties of the PI category score over random valid measurement sets: within 0–100, monotone in every numerator,
 * effective maxima that never exceed 100 whatever exclusions are claimed (docs/pi-rules.md §2.4, §3).
 */
class ScoringPropertiesTest {

    private static final ScoringRules RULES = ScoringRules.fromClasspath();

    @Provide
    Arbitrary<PiMeasurementSet> validSets() {
        return Arbitraries.randomValue(ScoringPropertiesTest::randomValidSet);
    }

    @Property(tries = 400)
    void scoreIsAlwaysBetween0And100(@ForAll("validSets") PiMeasurementSet set) {
        PiScore score = RULES.score(set);
        assertThat(score.problems()).isEmpty();
        assertThat(score.score()).isBetween(0, 100);
        assertThat(score.bonus()).isBetween(0, 5);
        assertThat(score.zeroReasons().isEmpty() || score.score() == 0).isTrue();
    }

    @Property(tries = 300)
    void scoreIsMonotoneInEachNumerator(@ForAll("validSets") PiMeasurementSet set) {
        int base = RULES.score(set).score();
        for (int i = 0; i < set.measurements().size(); i++) {
            if (set.measurements().get(i).value() instanceof MeasureValue.Ratio r) {
                for (long n = r.numerator(); n <= r.denominator(); n += Math.max(1, r.denominator() / 7)) {
                    List<ReportedMeasure> raised = new ArrayList<>(set.measurements());
                    raised.set(i, ReportedMeasure.ratio(raised.get(i).measureId(), n, r.denominator()));
                    PiMeasurementSet higher = new PiMeasurementSet(set.entity(), set.performanceYear(),
                            set.submissionMethod(), set.performanceStart(), set.performanceEnd(), set.cehrtId(), raised);
                    assertThat(RULES.score(higher).score()).as("%s at %d", raised.get(i), n).isGreaterThanOrEqualTo(base);
                }
            }
        }
    }

    @Property(tries = 400)
    void effectiveMaximaNeverExceed100(@ForAll("validSets") PiMeasurementSet set) {
        PiScore score = RULES.score(set);
        int maxima = score.parts().stream()
                .filter(p -> p.status() != MeasureStatus.BONUS && p.status() != MeasureStatus.ATTESTED)
                .mapToInt(MeasurePart::maxPoints).sum();
        assertThat(maxima).isLessThanOrEqualTo(100);
        assertThat(score.parts()).allSatisfy(p -> assertThat(p.points()).isBetween(0, p.maxPoints()));
    }

    static PiMeasurementSet randomValidSet(Random random) {
        int py = random.nextBoolean() ? 2025 : 2026;
        MeasurementSets.Builder set = MeasurementSets.defaults(py)
                .without("PI_EP_1", "PI_EP_2", "PI_HIE_1", "PI_HIE_4", "PI_PEA_1", "PI_PHCDRR_1", "PI_PHCDRR_1_PROD",
                        "PI_PHCDRR_3", "PI_PHCDRR_3_PROD");
        if (chance(random, 80)) {
            ratio(random, set, "PI_EP_1");
        } else {
            set.yes("PI_LVPP_1");
        }
        int pdmp = random.nextInt(10);
        if (pdmp < 7) {
            set.yes("PI_EP_2");
        } else if (pdmp < 8) {
            set.no("PI_EP_2");
        } else {
            set.yes(random.nextBoolean() ? "PI_EP_2_EX_1" : "PI_EP_2_EX_2");
        }
        int option = random.nextInt(3);
        if (option == 0) {
            if (chance(random, 80)) {
                ratio(random, set, "PI_HIE_1");
            } else {
                set.yes("PI_LVOTC_1");
            }
            if (chance(random, 80)) {
                ratio(random, set, "PI_HIE_4");
            } else {
                set.yes("PI_LVITC_2");
            }
        } else {
            set.value(option == 1 ? "PI_HIE_5" : "PI_HIE_6", chance(random, 90) ? MeasureValue.yes() : MeasureValue.no());
        }
        ratio(random, set, "PI_PEA_1");
        publicHealth(random, set, "PI_PHCDRR_1");
        publicHealth(random, set, "PI_PHCDRR_3");
        List<String> bonus = new ArrayList<>(List.of("PI_PHCDRR_2", "PI_PHCDRR_4", "PI_PHCDRR_5"));
        for (String id : bonus) {
            if (chance(random, 30)) {
                set.value(id, chance(random, 80) ? MeasureValue.yes() : MeasureValue.no());
                if (chance(random, 80)) {
                    set.yes(id + (random.nextBoolean() ? "_PRE" : "_PROD"));
                }
            }
        }
        if (py == 2026 && chance(random, 20)) {
            set.yes("PI_PHCDRR_6");
        }
        for (String id : List.of("PI_PPHI_1", "PI_PPHI_2", "PI_INFBLO_1", "PI_ONCDIR_1")) {
            if (chance(random, 5)) {
                set.no(id);
            }
        }
        if (chance(random, 5)) {
            set.cehrtId("not-a-cehrt-id");
        }
        if (chance(random, 10)) {
            LocalDate start = LocalDate.of(py, 1, 1).plusDays(random.nextInt(250));
            LocalDate end = start.plusDays(150 + random.nextInt(60));
            LocalDate lastDay = LocalDate.of(py, 12, 31);
            set.period(start.toString(), (end.isAfter(lastDay) ? lastDay : end).toString());
        }
        return set.build();
    }

    private static void ratio(Random random, MeasurementSets.Builder set, String id) {
        long denominator = 1 + random.nextInt(5000);
        long numerator = chance(random, 10) ? 0 : (long) Math.floor(random.nextDouble() * (denominator + 1));
        set.ratio(id, Math.min(numerator, denominator), denominator);
    }

    private static void publicHealth(Random random, MeasurementSets.Builder set, String id) {
        int state = random.nextInt(20);
        if (state < 12) {
            set.yes(id).yes(id + (random.nextBoolean() ? "_PRE" : "_PROD"));
        } else if (state < 13) {
            set.yes(id);
        } else if (state < 15) {
            set.no(id);
        } else if (state < 19) {
            set.yes(id + "_EX_" + (1 + random.nextInt(3)));
        }
    }

    private static boolean chance(Random random, int percent) {
        return random.nextInt(100) < percent;
    }
}
