package org.acopi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own throughput tools (kafka-tools' {@code ProducerPerformance} and {@code ConsumerPerformance}), run as child
 * JVMs against the benchmark's broker with the pipeline's record count and mean record size, so that the pipeline's
 * throughput can be stated as a fraction of what the same broker does with no processing at all.
 */
final class RawKafkaPerformance {

    static final String TOPIC = "acopi-bench-raw";

    record Result(double producerRecordsPerSecond, double consumerRecordsPerSecond, double consumerFetchRecordsPerSecond) {
    }

    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final String javaCommand;
    private final String classpath;
    private final StackHome home;

    RawKafkaPerformance(String javaCommand, String classpath, StackHome home) {
        this.javaCommand = javaCommand;
        this.classpath = classpath;
        this.home = home;
    }

    Result run(Admin admin, long records, int recordSize) {
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getMessage(), e);
        }
        Path producerLog = home.log("raw-producer");
        tool("org.apache.kafka.tools.ProducerPerformance", producerLog, "--topic", TOPIC, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + KafkaBroker.BOOTSTRAP, "acks=all", "linger.ms=5");
        Matcher produced = lastMatch(PRODUCED, producerLog);
        Path consumerLog = home.log("raw-consumer");
        tool("org.apache.kafka.tools.ConsumerPerformance", consumerLog, "--bootstrap-server", KafkaBroker.BOOTSTRAP,
                "--topic", TOPIC, "--messages", String.valueOf(records), "--timeout", "60000");
        double[] consumed = consumerRates(consumerLog);
        return new Result(Double.parseDouble(produced.group(2)), consumed[0], consumed[1]);
    }

    private void tool(String mainClass, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx1g", "-cp", classpath, mainClass));
        command.addAll(Arrays.asList(args));
        int exit = ChildProcess.run(mainClass, command, log, Duration.ofMinutes(15));
        if (exit != 0) {
            throw new IllegalStateException(mainClass + " failed (exit " + exit + "); see " + log);
        }
    }

    private static Matcher lastMatch(Pattern pattern, Path log) {
        Matcher last = null;
        for (String line : lines(log)) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no result line in " + log);
        }
        return last;
    }

    /** {@code nMsg.sec} and {@code fetch.nMsg.sec} of ConsumerPerformance's CSV result line. */
    private static double[] consumerRates(Path log) {
        List<String> header = null;
        for (String line : lines(log)) {
            List<String> cells = Arrays.stream(line.split(",")).map(String::strip).toList();
            if (cells.contains("nMsg.sec")) {
                header = cells;
            } else if (header != null && cells.size() == header.size()) {
                return new double[] {Double.parseDouble(cells.get(header.indexOf("nMsg.sec"))),
                        Double.parseDouble(cells.get(header.indexOf("fetch.nMsg.sec")))};
            }
        }
        throw new IllegalStateException("no result line in " + log);
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
