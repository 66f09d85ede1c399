package org.acopi.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.acopi.local.bench.ProgramSpec;

/** The chaos run's command line (deploy/local/chaos.sh). */
record ChaosOptions(ProgramSpec spec, Path home, int kills, Duration mongoOutage, Duration faultWindow, Duration timeout,
                    boolean help) {

    static final String USAGE = """
            Usage: deploy/local/chaos.sh [--scale small|medium|full] [--kills N] [--mongo-outage DURATION] [--seed N]
                                         [--fault-window DURATION] [--timeout-minutes N] [--home DIR]

              Starts a fresh local stack with two instances of each service, streams a synthetic MSSP program into the
              input topics while SIGKILLing service instances at random moments (also while they start and while their
              group rebalances), restarts the broker once and stops the MongoDB server for a while; then waits until
              every ACO's public report equals the reference pipeline's, prints what it survived and stops.
                --scale          small (5 ACOs), medium (50 ACOs; the default) or full (500 ACOs)
                --kills N        SIGKILLs of service instances (default 30)
                --mongo-outage   how long the MongoDB server is away, e.g. 60s, 2m (default 60s)
                --seed N         the program's and the faults' seed (default %d)
                --fault-window   the faults land in this long a window from the start of the input (default 8 s per
                                 kill, and at least the MongoDB outage plus a minute); the input is spread over its
                                 first three quarters
                --timeout-minutes  give up waiting for correct reports this long after the last fault (default 20)
                --home DIR       the stack's data (default <repo>/.acopi-chaos; wiped first)
            """.formatted(ProgramSpec.DEFAULT_SEED);

    static ChaosOptions parse(List<String> args, Path repo) {
        Deque<String> rest = new ArrayDeque<>(args);
        String scale = "medium";
        long seed = ProgramSpec.DEFAULT_SEED;
        int kills = 30;
        Duration outage = Duration.ofSeconds(60);
        Duration window = null;
        int timeoutMinutes = 20;
        Path home = repo.resolve(".acopi-chaos");
        boolean help = false;
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            switch (flag) {
                case "--scale" -> scale = Options.value(flag, rest);
                case "--seed" -> seed = Long.parseLong(Options.value(flag, rest));
                case "--kills" -> kills = Integer.parseInt(Options.value(flag, rest));
                case "--mongo-outage" -> outage = duration(flag, Options.value(flag, rest));
                case "--fault-window" -> window = duration(flag, Options.value(flag, rest));
                case "--timeout-minutes" -> timeoutMinutes = Integer.parseInt(Options.value(flag, rest));
                case "--home" -> home = Path.of(Options.value(flag, rest)).toAbsolutePath().normalize();
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (kills < 0 || timeoutMinutes < 1) {
            throw new IllegalArgumentException("--kills must be at least 0 and --timeout-minutes at least 1");
        }
        Duration faultWindow = window != null ? window
                : max(Duration.ofSeconds(8L * kills), outage.plusMinutes(1));
        if (faultWindow.compareTo(outage) <= 0) {
            throw new IllegalArgumentException("--fault-window must be longer than --mongo-outage");
        }
        return new ChaosOptions(ProgramSpec.scale(scale, seed), home, kills, outage, faultWindow,
                Duration.ofMinutes(timeoutMinutes), help);
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms} or a plain number of seconds. */
    static Duration duration(String flag, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a duration such as 60s or 2m, not '" + text + "'");
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
