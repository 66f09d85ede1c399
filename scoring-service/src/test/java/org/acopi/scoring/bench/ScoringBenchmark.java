package org.acopi.scoring.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.acopi.scoring.ingest.QppJsonParser;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.PiScore;
import org.acopi.scoring.rules.ReportedMeasure;
import org.acopi.scoring.rules.ScoringRules;
import org.acopi.scoring.rules.SubmittingEntity;
import org.acopi.scoring.fixtures.MeasurementSets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Time and allocation per PI submission: validation (docs/pi-rules.md §2.6) plus the explained category score (§2.5) of
 * realistic measurement sets (mixed PYs, HIE options, exclusions, partial performance), and the same from a QPP
 * Submissions API JSON document as score-preview receives it. Not part of {@code mvn verify}; run it with
 * {@code mvn -o -q -pl scoring-service test-compile exec:exec@bench} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    private static final int SETS = 256;

    private ScoringRules rules;
    private PiMeasurementSet[] sets;
    private String[] documents;
    private int next;

    @Setup
    public void setUp() {
        rules = ScoringRules.fromClasspath();
        Random random = new Random(2026);
        sets = new PiMeasurementSet[SETS];
        documents = new String[SETS];
        for (int i = 0; i < SETS; i++) {
            sets[i] = realistic(random);
            documents[i] = qppJson(sets[i]);
        }
    }

    @Benchmark
    public PiScore scoreMeasurementSet() {
        return rules.score(sets[next++ & (SETS - 1)]);
    }

    @Benchmark
    public PiScore previewFromQppJson() {
        return rules.score(QppJsonParser.parseOne("bench", documents[next++ & (SETS - 1)]).submissions().get(0).set());
    }

    /** A typical EHR submission: every required measure reported with partial performance, some exclusions. */
    static PiMeasurementSet realistic(Random random) {
        int py = random.nextBoolean() ? 2025 : 2026;
        MeasurementSets.Builder set = MeasurementSets.defaults(py)
                .entity(SubmittingEntity.group(String.format("%09d", 100_000_000 + random.nextInt(800_000_000))));
        for (String id : List.of("PI_EP_1", "PI_HIE_1", "PI_HIE_4", "PI_PEA_1")) {
            long denominator = 50 + random.nextInt(5000);
            set.ratio(id, 1 + (long) (random.nextDouble() * (denominator - 1)), denominator);
        }
        int shape = random.nextInt(10);
        if (shape == 0) {
            set.without("PI_EP_1").yes("PI_LVPP_1");
        } else if (shape == 1) {
            set.without("PI_HIE_1", "PI_HIE_4").yes("PI_HIE_5");
        } else if (shape == 2) {
            set.without("PI_PHCDRR_3", "PI_PHCDRR_3_PROD").yes("PI_PHCDRR_3_EX_1");
        }
        if (random.nextInt(4) == 0) {
            set.yes("PI_PHCDRR_2").yes("PI_PHCDRR_2_PROD");
        }
        set.yes("PI_ONCACB_1");
        return set.build();
    }

    static String qppJson(PiMeasurementSet set) {
        List<String> measurements = new ArrayList<>();
        for (ReportedMeasure m : set.measurements()) {
            String value = m.value() instanceof MeasureValue.Ratio r
                    ? "{\"numerator\": " + r.numerator() + ", \"denominator\": " + r.denominator() + "}"
                    : m.value().text();
            measurements.add("{\"measureId\": \"" + m.measureId() + "\", \"value\": " + value + "}");
        }
        return "{\"entityType\": \"group\", \"taxpayerIdentificationNumber\": \"" + set.entity().tin() + "\", "
                + "\"performanceYear\": " + set.performanceYear() + ", \"measurementSets\": [{\"category\": \"pi\", "
                + "\"submissionMethod\": \"electronicHealthRecord\", \"performanceStart\": \"" + set.performanceStart()
                + "\", \"performanceEnd\": \"" + set.performanceEnd() + "\", \"cehrtId\": \"" + set.cehrtId() + "\", "
                + "\"measurements\": [" + String.join(", ", measurements) + "]}]}";
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                .include(ScoringBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .build()).run();
    }
}
