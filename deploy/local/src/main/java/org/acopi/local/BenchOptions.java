package org.acopi.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.acopi.local.bench.ProgramSpec;

/** The benchmark's command line (deploy/local/bench.sh). */
record BenchOptions(ProgramSpec spec, Path home, double probeRate, Duration probeDuration, Duration timeout, boolean help) {

    static final String USAGE = """
            Usage: deploy/local/bench.sh [--scale small|medium|full] [--seed N] [--acos N] [--tins-per-aco N]
                                         [--npis-per-tin N] [--probe-rate PER_SECOND] [--probe-seconds N]
                                         [--timeout-minutes N] [--home DIR]

              Starts a fresh local stack (Kafka, MongoDB, the three services), streams a synthetic MSSP program into the
              input topics, checks every ACO's public report against the expected figures, measures submission-to-report
              latency at a steady rate, then raw Kafka producer and consumer throughput on the same broker.
                --scale          small (5 ACOs, ~1,000 TIN/NPIs), medium (50 ACOs, ~30,000) or full (500 ACOs,
                                 ~60,000 TINs, ~600,000 TIN/NPIs; the default)
                --seed N         the program's seed (default %d)
                --acos, --tins-per-aco, --npis-per-tin   override the scale's sizes
                --probe-rate     latency probes per second (default: half the sustainable rate, found first by
                                 doubling steps of 10 s from 5/s until p99 exceeds 5 s)
                --probe-seconds  how long to send probes (default 60)
                --timeout-minutes  give up on the bulk load after this long (default 60)
                --home DIR       the stack's data (default <repo>/.acopi-bench; wiped first)
            """.formatted(ProgramSpec.DEFAULT_SEED);

    static BenchOptions parse(List<String> args, Path repo) {
        Deque<String> rest = new ArrayDeque<>(args);
        String scale = "full";
        long seed = ProgramSpec.DEFAULT_SEED;
        Integer acos = null;
        Integer tins = null;
        Integer npis = null;
        double rate = 0;
        int seconds = 60;
        int timeoutMinutes = 60;
        Path home = repo.resolve(".acopi-bench");
        boolean help = false;
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            switch (flag) {
                case "--scale" -> scale = Options.value(flag, rest);
                case "--seed" -> seed = Long.parseLong(Options.value(flag, rest));
                case "--acos" -> acos = positive(flag, rest);
                case "--tins-per-aco" -> tins = positive(flag, rest);
                case "--npis-per-tin" -> npis = positive(flag, rest);
                case "--probe-rate" -> rate = Double.parseDouble(Options.value(flag, rest));
                case "--probe-seconds" -> seconds = positive(flag, rest);
                case "--timeout-minutes" -> timeoutMinutes = positive(flag, rest);
                case "--home" -> home = Path.of(Options.value(flag, rest)).toAbsolutePath().normalize();
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        ProgramSpec base = ProgramSpec.scale(scale, seed);
        ProgramSpec spec = new ProgramSpec(acos != null ? acos : base.acos(), tins != null ? tins : base.tinsPerAco(),
                npis != null ? npis : base.meanNpisPerTin(), base.performanceYear(), seed);
        return new BenchOptions(spec, home, rate, Duration.ofSeconds(seconds), Duration.ofMinutes(timeoutMinutes), help);
    }

    private static int positive(String flag, Deque<String> rest) {
        int n = Integer.parseInt(Options.value(flag, rest));
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1");
        }
        return n;
    }
}
