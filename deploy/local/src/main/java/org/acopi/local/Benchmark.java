package org.acopi.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.acopi.contracts.Topics;
import org.acopi.local.bench.ExpectedReport;
import org.acopi.local.bench.ProgramGenerator;
import org.acopi.local.loader.DatasetProducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The program-scale benchmark (deploy/local/bench.sh): a fresh local stack, a synthetic MSSP program streamed into the
 * input topics, and then, in one run on one broker: the wall time until every ACO's public report equals what the
 * services' pure domain code says it must be (the run fails otherwise), throughput overall and per service,
 * submission-to-report latency at a steady rate, the peak resident memory of every process, and Kafka's own producer
 * and consumer throughput for the same number and size of records. The last line of the output is the ratio of the
 * pipeline's throughput to the raw consumer's.
 */
public final class Benchmark {

    private static final Duration MISMATCH_GRACE = Duration.ofSeconds(60);
    private static final int PROBE_TARGETS_PER_ACO = 40;
    private static final double FIRST_STEP_RATE = 5;
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration STEP_GRACE = Duration.ofSeconds(20);
    private static final Duration STEP_P99_LIMIT = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final Path repo;
    private final ScratchStack stack;

    private Benchmark(BenchOptions options, Path repo) {
        this.options = options;
        this.repo = repo;
        this.stack = new ScratchStack(repo, options.home(), 1, System.getProperty("java.class.path"));
    }

    public static void main(String[] args) {
        int exit;
        try {
            Path repo = LocalStack.repoRoot();
            BenchOptions options = BenchOptions.parse(Arrays.asList(args), repo);
            if (options.help()) {
                System.err.print(BenchOptions.USAGE);
                exit = 0;
            } else {
                exit = new Benchmark(options, repo).run();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("acopi bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            exit = 2;
        } catch (RuntimeException e) {
            System.err.println("acopi bench: FAILED: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private int run() {
        List<String> obstacles = stack.obstacles();
        if (!obstacles.isEmpty()) {
            throw new IllegalStateException(String.join("; ", obstacles) + " (bench.sh builds what is missing)");
        }
        try {
            return measure();
        } finally {
            stack.stopAll();
        }
    }

    private int measure() {
        Progress.info("benchmark of " + options.spec() + "; stack home " + stack.home().root());
        try (Admin admin = KafkaBroker.admin(KafkaBroker.BOOTSTRAP);
             MongoClient mongoClient = MongoClients.create(EmbeddedMongo.URI)) {
            stack.start(admin);

            ProgramGenerator generator = new ProgramGenerator(options.spec(),
                    ProgramGenerator.sampleTemplates(repo.resolve("deploy/local/sample")), PROBE_TARGETS_PER_ACO);
            List<ExpectedReport> expected = new ArrayList<>();
            Map<String, Long> eventsIn = new TreeMap<>();
            long[] bytes = {0};
            Progress.info("streaming the program into the input topics");
            long start = System.nanoTime();
            try (DatasetProducer producer = new DatasetProducer(KafkaBroker.BOOTSTRAP)) {
                generator.generate(event -> {
                    bytes[0] += producer.sendAsync(event);
                    eventsIn.merge(event.topic().name(), 1L, Long::sum);
                }, expected::add);
                producer.flush();
                double produced = seconds(start);
                long events = eventsIn.values().stream().mapToLong(Long::longValue).sum();
                Progress.info(String.format("produced %,d events (%,d bytes) in %.1f s: %s", events, bytes[0], produced, eventsIn));

                PipelineWatch watch = new PipelineWatch(admin, Service.allConsumerGroups());
                Map<String, Double> caughtUp = awaitCorrect(watch, expected, start);
                double wall = seconds(start);
                Progress.info(String.format("every public report is final and correct after %.1f s", wall));

                Map<String, Long> outputs = countRecords(admin, List.of(Topics.PARTICIPANT_ELIGIBILITY.name(),
                        Topics.SUBMISSION_SCORES.name(), Topics.CLINICIAN_SCORES.name(), Topics.APM_ENTITY_SCORES.name()));
                Map<String, Long> written = offsetsWritten(admin);
                var participants = mongoClient.getDatabase("acopi").getCollection("participants");
                var reports = mongoClient.getDatabase("acopi").getCollection("public_reports");
                List<ExpectedReport.ProbeTarget> targets = probeTargets(expected);
                int used = 0;
                double sustainable = 0;
                for (double step = FIRST_STEP_RATE; options.probeRate() <= 0; step *= 2) {
                    int count = (int) (step * STEP.toSeconds());
                    if (used + count > targets.size() / 2) {
                        break;
                    }
                    LatencyProbes.Result result = LatencyProbes.run(generator, targets.subList(used, used + count),
                            options.spec().performanceYear(), used, step, STEP_GRACE, producer, participants, reports);
                    used += count;
                    boolean kept = result.seen() == count && result.p99Millis() <= STEP_P99_LIMIT.toMillis();
                    Progress.info(String.format("probes at %.0f/s: p99 %.0f ms, %d of %d seen: %s", step, result.p99Millis(),
                            result.seen(), count, kept ? "sustained" : "not sustained"));
                    if (!kept) {
                        break;
                    }
                    sustainable = step;
                }
                double rate = options.probeRate() > 0 ? options.probeRate() : Math.max(1, sustainable / 2);
                int steady = (int) Math.min(targets.size() - used, Math.ceil(rate * options.probeDuration().toSeconds()));
                Progress.info(String.format("latency: %d probes at %.1f/s", steady, rate));
                LatencyProbes.Result latency = LatencyProbes.run(generator, targets.subList(used, used + steady),
                        options.spec().performanceYear(), used, rate, LatencyProbes.GRACE, producer, participants, reports);
                Map<String, Long> rss = peakRss();

                stack.services().stop();
                int recordSize = (int) Math.max(1, Math.round((double) bytes[0] / events));
                Progress.info("raw Kafka: " + events + " records of " + recordSize + " bytes");
                RawKafkaPerformance.Result raw = new RawKafkaPerformance(stack.javaCommand(), benchClasspath(), stack.home())
                        .run(admin, events, recordSize);
                print(events, bytes[0], eventsIn, outputs, written, wall, caughtUp, sustainable, latency, rss, raw, recordSize,
                        expected.size());
                return 0;
            }
        }
    }

    /**
     * Polls the consumer groups' offsets until the pipeline looks idle, then checks every report not yet matched; done
     * when every report matches with no lag. Returns when each group was last seen catching up (seconds since start).
     */
    private Map<String, Double> awaitCorrect(PipelineWatch watch, List<ExpectedReport> expected, long start) {
        ExpectedReports reports = new ExpectedReports(expected);
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        long deadline = start + options.timeout().toNanos();
        long idleMismatchSince = 0;
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            PipelineWatch.Lag lag = watch.offsetLag();
            for (Service service : Service.ALL) {
                long behind = service.consumerGroups().stream()
                        .mapToLong(group -> lag.byGroup().getOrDefault(group, Long.MAX_VALUE)).max().orElse(0);
                if (behind > 30 || !lag.notRunning().isEmpty()) {
                    caughtUp.remove(service.name());
                } else {
                    caughtUp.putIfAbsent(service.name(), seconds(start));
                }
            }
            if (caughtUp.size() == Service.ALL.size() && watch.lag().caughtUp()) {
                if (reports.checkUnmatched()) {
                    return caughtUp;
                }
                idleMismatchSince = idleMismatchSince == 0 ? System.nanoTime() : idleMismatchSince;
                if (System.nanoTime() - idleMismatchSince > MISMATCH_GRACE.toNanos()) {
                    throw new IllegalStateException(reports.mismatch());
                }
            } else {
                idleMismatchSince = 0;
            }
            if (System.nanoTime() - lastReport > 15_000_000_000L) {
                Progress.info(String.format("%.0f s: %s", seconds(start), lag.describe()));
                lastReport = System.nanoTime();
            }
            Sleeps.pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the pipeline did not produce every expected report within "
                + options.timeout().toMinutes() + " minutes; " + reports.unmatchedCount() + " ACO(s) not matching yet. "
                + reports.mismatch());
    }

    private List<ExpectedReport.ProbeTarget> probeTargets(List<ExpectedReport> expected) {
        List<ExpectedReport.ProbeTarget> all = new ArrayList<>();
        expected.forEach(r -> all.addAll(r.probeTargets()));
        Collections.shuffle(all, new Random(options.spec().seed()));
        return all;
    }

    /** Records (not transaction markers) in each topic, read committed from the beginning to the end. */
    private static Map<String, Long> countRecords(Admin admin, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.BOOTSTRAP);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            topics.forEach(t -> counts.put(t, 0L));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
            }
            return counts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topics + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The offsets written to every topic the pipeline writes (derived, internal, changelog; not the inputs, dead letters
     * or Kafka's own), from their end offsets: records plus the transaction markers of exactly-once commits.
     */
    private static Map<String, Long> offsetsWritten(Admin admin) {
        try {
            java.util.Set<String> inputs = new java.util.HashSet<>();
            Topics.EXTERNAL_INPUTS.forEach(t -> inputs.add(t.name()));
            List<String> derived = admin.listTopics().names().get().stream()
                    .filter(t -> !t.startsWith("__") && !t.endsWith("-dlt") && !inputs.contains(t)).sorted().toList();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(derived).allTopicNames().get().values().forEach(d -> d.partitions().forEach(p ->
                    latest.put(new TopicPartition(d.name(), p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest())));
            Map<String, Long> written = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> written.merge(tp.topic(), info.offset(), Long::sum));
            return written;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read end offsets: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** VmHWM (peak resident set) of the broker, each service, the MongoDB server and this JVM, in MiB. */
    private Map<String, Long> peakRss() {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("kafka broker", vmHwm(stack.broker().process().pid()));
        for (Service service : Service.ALL) {
            rss.put(service.name(), vmHwm(stack.services().process(service).pid()));
        }
        rss.put("MongoDB server", vmHwm(stack.mongo().process().pid()));
        rss.put("benchmark (generator, reference)", vmHwm(ProcessHandle.current().pid()));
        return rss;
    }

    private static long vmHwm(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private String benchClasspath() {
        Path target = repo.resolve("deploy/local/target");
        return System.getProperty("java.class.path") + ":" + target.resolve("bench-lib") + "/*";
    }

    private void print(long events, long bytes, Map<String, Long> eventsIn, Map<String, Long> outputs,
                       Map<String, Long> written, double wall,
                       Map<String, Double> caughtUp, double sustainable, LatencyProbes.Result latency, Map<String, Long> rss,
                       RawKafkaPerformance.Result raw, int recordSize, int acos) {
        long eligibilityIn = eventsIn.entrySet().stream().filter(e -> !e.getKey().equals(Topics.SUBMISSIONS.name()))
                .mapToLong(Map.Entry::getValue).sum();
        long eligibilityOut = outputs.get(Topics.PARTICIPANT_ELIGIBILITY.name());
        long scoringIn = eventsIn.getOrDefault(Topics.SUBMISSIONS.name(), 0L) + eligibilityOut;
        long reportingIn = eligibilityOut + outputs.get(Topics.CLINICIAN_SCORES.name()) + outputs.get(Topics.APM_ENTITY_SCORES.name());
        double pipeline = events / wall;
        var out = System.out;
        out.println();
        out.printf("acopi benchmark: %s%n", options.spec());
        out.printf("  events in                 %,12d  (%s; %,d bytes, mean %d bytes/record)%n", events, eventsIn, bytes, recordSize);
        out.printf("  ACOs checked              %,12d  (every public report equals the reference pipeline's)%n", acos);
        out.printf("  wall time until correct   %12.1f s%n", wall);
        out.printf("  pipeline throughput       %,12.0f events/s%n", pipeline);
        long[] inputs = {eligibilityIn, scoringIn, reportingIn};
        for (int i = 0; i < Service.ALL.size(); i++) {
            Service service = Service.ALL.get(i);
            double at = caughtUp.getOrDefault(service.name(), wall);
            out.printf("  %-25s %,12.0f records/s  (%,d records in, caught up at %.1f s)%n", service.name(), inputs[i] / at, inputs[i], at);
        }
        out.printf("  outputs                   %s%n", outputs);
        long allWritten = written.values().stream().mapToLong(Long::longValue).sum();
        long toOutputs = written.entrySet().stream().filter(e -> e.getKey().startsWith("acopi."))
                .mapToLong(Map.Entry::getValue).sum();
        out.printf("  Kafka writes per event    %12.1f  (%,d offsets: records plus transaction markers, in every derived topic;"
                + " %,d in output topics, %,d in internal, changelog and repartition topics)%n",
                (double) allWritten / events, allWritten, toOutputs, allWritten - toOutputs);
        written.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.printf("      %-58s %,12d  (%.2f per event)%n", e.getKey(), e.getValue(), (double) e.getValue() / events));
        org.acopi.local.bench.DataflowShape.eosHops().forEach((input, hops) -> out.printf(
                "  EOS commits to report     %12d  from %s, at most (%s; from Topology.describe())%n",
                hops.values().stream().mapToInt(Integer::intValue).sum(), input, hops));
        out.printf("  sustainable probe rate    %12.0f submissions/s  (highest doubling step from %.0f/s kept p99 <= %d s)%n",
                sustainable, FIRST_STEP_RATE, STEP_P99_LIMIT.toSeconds());
        out.printf("  latency at %-6.1f/s       p50 %.0f ms, p99 %.0f ms, max %.0f ms  (%d of %d probes seen)%n",
                latency.rate(), latency.p50Millis(), latency.p99Millis(), latency.maxMillis(), latency.seen(), latency.sent());
        rss.forEach((name, mib) -> out.printf("  peak RSS %-25s %,6d MiB%n", name, mib));
        out.printf("  raw producer              %,12.0f records/s%n", raw.producerRecordsPerSecond());
        out.printf("  raw consumer              %,12.0f records/s  (fetch only: %,.0f records/s)%n",
                raw.consumerRecordsPerSecond(), raw.consumerFetchRecordsPerSecond());
        out.printf("ratio pipeline/raw-producer = %.3f%n", pipeline / raw.producerRecordsPerSecond());
        out.printf("ratio pipeline/raw-consumer = %.3f%n", pipeline / raw.consumerRecordsPerSecond());
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
