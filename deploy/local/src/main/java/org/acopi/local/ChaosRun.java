package org.acopi.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.acopi.local.bench.ExpectedReport;
import org.acopi.local.bench.ProgramGenerator;
import org.acopi.local.loader.DatasetProducer;
import org.acopi.local.loader.LoadEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The chaos run (deploy/local/chaos.sh): a fresh local stack with two instances of each service (same application id
 * or consumer group, so partitions move between them), a synthetic MSSP program streamed into the input topics while a
 * {@link FaultInjector} SIGKILLs instances at random moments, restarts the broker once and takes the MongoDB server
 * away for a while. Afterwards every ACO's public report must equal the reference pipeline's. It prints the kills and
 * outages survived, the reports right out of the total, the time to converge after the last fault and the wall time,
 * and exits 1 when a report is still wrong at the timeout.
 */
public final class ChaosRun {

    static final int COPIES = 2;
    private static final double INPUT_SHARE_OF_WINDOW = 0.75;
    private static final int PACE_EVERY = 50;

    private final ChaosOptions options;
    private final ScratchStack stack;

    /** What a run survived and how it ended. */
    record Result(FaultInjector.Tally faults, int reportsRight, int reportsTotal, double convergeSeconds,
                  double wallSeconds, int events, long deadLetterOffsets) {

        boolean allRight() {
            return reportsRight == reportsTotal;
        }
    }

    /** @param brokerClasspath as {@link ScratchStack}'s; the launcher's own classpath in chaos.sh */
    ChaosRun(ChaosOptions options, Path repo, String brokerClasspath) {
        this.options = options;
        this.stack = new ScratchStack(repo, options.home(), COPIES, brokerClasspath);
    }

    public static void main(String[] args) {
        int exit;
        try {
            Path repo = LocalStack.repoRoot();
            ChaosOptions options = ChaosOptions.parse(Arrays.asList(args), repo);
            if (options.help()) {
                System.err.print(ChaosOptions.USAGE);
                exit = 0;
            } else {
                Result result = new ChaosRun(options, repo, System.getProperty("java.class.path")).run();
                print(options, result, System.out);
                exit = result.allRight() ? 0 : 1;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("acopi chaos: " + e.getMessage());
            System.err.print(ChaosOptions.USAGE);
            exit = 2;
        } catch (RuntimeException e) {
            System.err.println("acopi chaos: FAILED: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    /** What keeps the run from starting here (a service not built, a port in use); empty when it can. */
    List<String> obstacles() {
        return stack.obstacles();
    }

    /** Starts the stack, runs the input and the faults, waits for the reports, stops everything. */
    Result run() {
        List<String> obstacles = obstacles();
        if (!obstacles.isEmpty()) {
            throw new IllegalStateException(String.join("; ", obstacles) + " (chaos.sh builds what is missing)");
        }
        try (Admin admin = KafkaBroker.admin(KafkaBroker.BOOTSTRAP)) {
            long wallStart = System.nanoTime();
            Progress.info("chaos run of " + options.spec() + ": " + options.kills() + " kills, a broker restart and a "
                    + options.mongoOutage().toSeconds() + " s MongoDB outage within " + options.faultWindow().toSeconds()
                    + " s; " + COPIES + " instances per service; stack home " + stack.home().root());
            stack.start(admin);
            ProgramGenerator generator = new ProgramGenerator(options.spec(),
                    ProgramGenerator.sampleTemplates(stack.repo().resolve("deploy/local/sample")), 0);
            List<LoadEvent<?>> events = new ArrayList<>();
            List<ExpectedReport> expected = new ArrayList<>();
            generator.generate(events::add, expected::add);

            FaultInjector faults = new FaultInjector(stack, admin, options.spec().seed(), options.kills(),
                    options.faultWindow(), options.mongoOutage());
            faults.start();
            streamPaced(events);
            FaultInjector.Tally tally = faults.awaitDone();
            Progress.info("chaos: every fault done (" + tally.kills() + " kills); waiting for every report to be right");
            ExpectedReports reports = new ExpectedReports(expected);
            int right = awaitRight(admin, reports, tally.lastFaultNanos());
            double converge = (System.nanoTime() - tally.lastFaultNanos()) / 1e9;
            if (right < reports.total()) {
                Progress.warn(reports.mismatch());
            }
            return new Result(tally, right, reports.total(), converge, (System.nanoTime() - wallStart) / 1e9, events.size(),
                    deadLetterOffsets(admin));
        } finally {
            stack.stopAll();
        }
    }

    /**
     * Sends the program spread evenly over the first part of the fault window, so that faults land while input
     * arrives. A send that failed (the broker away longer than the producer waits) makes it send everything once more:
     * the events carry deterministic ids, so a second copy changes nothing downstream.
     */
    private void streamPaced(List<LoadEvent<?>> events) {
        double perSecond = events.size() / (options.faultWindow().toMillis() * INPUT_SHARE_OF_WINDOW / 1000.0);
        Progress.info(String.format("streaming %,d events at %.0f/s", events.size(), perSecond));
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try (DatasetProducer producer = new DatasetProducer(KafkaBroker.BOOTSTRAP)) {
                for (int i = 0; i < events.size(); i++) {
                    producer.sendAsync(events.get(i));
                    if (attempt == 1 && i % PACE_EVERY == 0) {
                        long due = start + (long) (i / perSecond * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Sleeps.pause(Duration.ofNanos(wait));
                        }
                    }
                }
                producer.flush();
                Progress.info("chaos: the whole program is in the input topics");
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                Progress.warn("sending the program again (attempt " + (attempt + 1) + "): " + e.getMessage());
            }
        }
    }

    /**
     * Waits until every consumer group has caught up and every report equals the expected one on the same pass, up to
     * the timeout after the last fault; returns how many reports were right at the last pass.
     */
    private int awaitRight(Admin admin, ExpectedReports reports, long lastFault) {
        PipelineWatch watch = new PipelineWatch(admin, Service.allConsumerGroups());
        long deadline = lastFault + options.timeout().toNanos();
        long lastNote = 0;
        int right = 0;
        while (System.nanoTime() < deadline) {
            PipelineWatch.Lag lag = watch.lag();
            if (lag.caughtUp()) {
                right = reports.checkAll();
                if (right == reports.total()) {
                    return right;
                }
            }
            if (System.nanoTime() - lastNote > 15_000_000_000L) {
                Progress.info(String.format("chaos: %.0f s after the last fault: %s; reports right %d/%d",
                        (System.nanoTime() - lastFault) / 1e9, lag.describe(), right, reports.total()));
                lastNote = System.nanoTime();
            }
            Sleeps.pause(Duration.ofSeconds(2));
        }
        return reports.checkAll();
    }

    /** The sum of the end offsets of every dead-letter topic: 0 means nothing was dead-lettered. */
    private static long deadLetterOffsets(Admin admin) {
        try {
            List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith("-dlt")).toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            Progress.warn("cannot read the dead-letter topics: " + e.getCause().getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void print(ChaosOptions options, Result result, PrintStream out) {
        FaultInjector.Tally faults = result.faults();
        out.println();
        out.printf("acopi chaos run: %s, %d instances per service%n", options.spec(), COPIES);
        out.printf("  events in                 %,d%n", result.events());
        out.printf("  kills survived            %d  (SIGKILL; %d during start-up, %d during a rebalance)%n",
                faults.kills(), faults.duringStartUp(), faults.duringRebalance());
        out.printf("  outages survived          %d  (broker restart: %s; MongoDB away %d s: %s)%n",
                (faults.brokerRestarted() ? 1 : 0) + (faults.mongoOutage() ? 1 : 0), faults.brokerRestarted() ? "yes" : "no",
                options.mongoOutage().toSeconds(), faults.mongoOutage() ? "yes" : "no");
        out.printf("  reports right             %d / %d%n", result.reportsRight(), result.reportsTotal());
        out.printf("  dead-lettered             %s%n", result.deadLetterOffsets() == 0 ? "nothing"
                : result.deadLetterOffsets() + " (end offsets of the -dlt topics)");
        out.printf("  converged after last fault %.1f s%n", result.convergeSeconds());
        out.printf("  wall time                 %.1f s%n", result.wallSeconds());
        out.println(result.allRight() ? "every public report equals the reference pipeline's"
                : "FAILED: " + (result.reportsTotal() - result.reportsRight()) + " public report(s) wrong");
        out.flush();
    }
}
