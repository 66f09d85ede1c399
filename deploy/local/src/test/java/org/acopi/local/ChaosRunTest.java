package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short chaos run of issue 13: the small program on a fresh local stack with two instances of each service (the
 * services' executable jars, as child JVMs), six SIGKILLs, a broker restart and a 5 s MongoDB outage; every ACO's
 * public report must then equal the reference pipeline's. Skipped when the services' executable jars are not built
 * (a full {@code mvn verify} from the root builds them before this module) or the local stack's ports are taken.
 */
class ChaosRunTest {

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyReportIsRightAfterKillsABrokerRestartAndAMongoOutage() {
        Path repo = LocalStack.repoRoot();
        ChaosOptions options = ChaosOptions.parse(List.of("--scale", "small", "--kills", "6", "--mongo-outage", "5s",
                "--fault-window", "36s", "--timeout-minutes", "4",
                "--home", repo.resolve("deploy/local/target/chaos-test").toString()), repo);
        ChaosRun chaos = new ChaosRun(options, repo, brokerClasspath());
        List<String> obstacles = chaos.obstacles();
        Assumptions.assumeTrue(obstacles.isEmpty(), () -> "the chaos run cannot start here: " + obstacles);

        ChaosRun.Result result = chaos.run();
        ChaosRun.print(options, result, System.out);

        assertThat(result.faults().kills()).isGreaterThanOrEqualTo(6);
        assertThat(result.faults().brokerRestarted()).isTrue();
        assertThat(result.faults().mongoOutage()).isTrue();
        assertThat(result.deadLetterOffsets()).as("records in the dead-letter topics").isZero();
        assertThat(result.reportsRight()).as("public reports equal to the reference pipeline's")
                .isEqualTo(result.reportsTotal()).isPositive();
    }

    /**
     * The test classpath for the broker JVM, with slf4j-simple (which the launcher uses, configured by system
     * properties) instead of Logback, whose default configuration would log every broker request.
     */
    private static String brokerClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("logback-")) {
                continue;
            }
            entries.add(entry);
            if (name.startsWith("slf4j-api-")) {
                Path simple = Path.of(entry.replace("slf4j-api", "slf4j-simple"));
                if (Files.isRegularFile(simple)) {
                    entries.add(simple.toString());
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
