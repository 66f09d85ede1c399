package org.acopi.local;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.acopi.local.bench.ExpectedReport.ProbeTarget;
import org.acopi.local.bench.ProgramGenerator;
import org.acopi.local.loader.DatasetProducer;
import org.bson.Document;

/**
 * Submission-to-public-report latency at a steady rate: sends one individual PI submission per probe target at a fixed
 * rate (each changes that clinician's individual candidate score and none of the public counts), and times each until
 * the ACO's public report reflects it. Read from MongoDB directly, by {@code _id}: the clinician's {@code participants}
 * document names the clinician-scores record that carried the probe (its score candidates list it); the report
 * reflects that record once its watermark ({@code computedFrom.offsets}) for the record's topic-partition has reached
 * the record's offset (the report applies the changes of one ACO from one partition in order).
 */
final class LatencyProbes {

    record Result(int sent, int seen, double rate, double p50Millis, double p99Millis, double maxMillis) {
    }

    static final Duration GRACE = Duration.ofSeconds(120);
    private static final Instant FIRST_SUBMITTED_AT = Instant.parse("2027-06-01T00:00:00Z");

    private LatencyProbes() {
    }

    /**
     * Sends one probe per target, {@code rate} per second, numbering them from {@code firstId}, and waits until each is
     * seen or {@code grace} after the last was sent.
     */
    static Result run(ProgramGenerator generator, List<ProbeTarget> targets, int performanceYear, int firstId, double rate,
                      Duration grace, DatasetProducer producer, MongoCollection<Document> participants,
                      MongoCollection<Document> reports) {
        int n = targets.size();
        AtomicLongArray sentAt = new AtomicLongArray(n);
        long start = System.nanoTime() + 50_000_000L;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Sleeps.pause(Duration.ofNanos(wait));
                }
                sentAt.set(i, System.nanoTime());
                producer.sendAsync(generator.probe(targets.get(i), "probe-" + (firstId + i), FIRST_SUBMITTED_AT.plusMillis(firstId + i)));
            }
        }, "acopi-bench-probes");
        sender.setDaemon(true);
        sender.start();

        Map<String, Integer> pending = new HashMap<>();
        Map<Integer, Watermark> awaitingReport = new HashMap<>();
        double[] latencies = new double[n];
        int seen = 0;
        int next = 0;
        long deadline = Long.MAX_VALUE;
        while (seen < n && System.nanoTime() < deadline) {
            for (; next < n && sentAt.get(next) != 0; next++) {
                ProbeTarget t = targets.get(next);
                pending.put(performanceYear + ":" + t.tin() + ":" + t.npi(), next);
            }
            if (next == n && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + grace.toNanos();
            }
            if (!pending.isEmpty()) {
                for (Document doc : participants.find(Filters.in("_id", new ArrayList<>(pending.keySet())))
                        .projection(Projections.include("acoId", "score.candidates", "score.version"))) {
                    Integer i = pending.get(doc.getString("_id"));
                    if (i != null && showsProbe(doc, "probe-" + (firstId + i))) {
                        Document version = doc.get("score", Document.class).get("version", Document.class);
                        awaitingReport.put(i, new Watermark(doc.getString("acoId") + ":" + performanceYear,
                                version.getString("topic"), version.getInteger("partition"), ((Number) version.get("offset")).longValue()));
                        pending.remove(doc.getString("_id"));
                    }
                }
            }
            if (!awaitingReport.isEmpty()) {
                Map<String, Document> byAco = new HashMap<>();
                List<String> acoKeys = awaitingReport.values().stream().map(Watermark::acoKey).distinct().toList();
                reports.find(Filters.in("_id", acoKeys)).projection(Projections.include("computedFrom.offsets"))
                        .forEach(doc -> byAco.put(doc.getString("_id"), doc));
                for (var it = awaitingReport.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    if (entry.getValue().reachedBy(byAco.get(entry.getValue().acoKey()))) {
                        latencies[seen++] = (System.nanoTime() - sentAt.get(entry.getKey())) / 1e6;
                        it.remove();
                    }
                }
            }
            Sleeps.pause(Duration.ofMillis(20));
        }
        double[] sorted = Arrays.copyOf(latencies, seen);
        Arrays.sort(sorted);
        return new Result(next, seen, rate, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    /** The clinician-scores record that carried a probe, and the report that must reflect it. */
    private record Watermark(String acoKey, String topic, int partition, long offset) {

        boolean reachedBy(Document report) {
            if (report == null) {
                return false;
            }
            Document computedFrom = report.get("computedFrom", Document.class);
            return computedFrom != null && computedFrom.getList("offsets", Document.class, List.of()).stream()
                    .anyMatch(o -> topic.equals(o.getString("topic")) && o.getInteger("partition") == partition
                            && ((Number) o.get("maxOffset")).longValue() >= offset);
        }
    }

    private static boolean showsProbe(Document participant, String submissionId) {
        Document score = participant.get("score", Document.class);
        return score != null && score.getList("candidates", Document.class, List.of()).stream()
                .anyMatch(c -> submissionId.equals(c.getString("submissionId")));
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
