package org.acopi.local.bench;

import java.util.Locale;

/**
 * The size of a synthetic MSSP program: how many ACOs, how many participant TINs per ACO, the mean number of
 * clinicians (TIN/NPIs) per TIN, the performance year and the seed that makes it reproducible. {@code full} is the
 * program scale of the issue (500 ACOs, about 60,000 TINs and 600,000 TIN/NPIs).
 */
public record ProgramSpec(int acos, int tinsPerAco, int meanNpisPerTin, int performanceYear, long seed) {

    public static final int DEFAULT_PY = 2026;
    public static final long DEFAULT_SEED = 20_260_101L;

    public ProgramSpec {
        if (acos < 1 || tinsPerAco < 1 || meanNpisPerTin < 1 || meanNpisPerTin > 40) {
            throw new IllegalArgumentException("a program needs at least one ACO, one TIN per ACO and 1-40 clinicians per TIN");
        }
    }

    /** {@code small} (5 ACOs, ~1,000 TIN/NPIs), {@code medium} (50 ACOs, ~30,000) or {@code full} (500 ACOs, ~600,000). */
    public static ProgramSpec scale(String name, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "small" -> new ProgramSpec(5, 20, 10, DEFAULT_PY, seed);
            case "medium" -> new ProgramSpec(50, 60, 10, DEFAULT_PY, seed);
            case "full" -> new ProgramSpec(500, 120, 10, DEFAULT_PY, seed);
            default -> throw new IllegalArgumentException("scale '" + name + "' is not small, medium or full");
        };
    }

    @Override
    public String toString() {
        return acos + " ACOs x " + tinsPerAco + " TINs x ~" + meanNpisPerTin + " clinicians, PY" + performanceYear + ", seed " + seed;
    }
}
