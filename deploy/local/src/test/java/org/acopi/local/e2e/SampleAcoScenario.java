package org.acopi.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.events.ClinicianFacts;
import org.acopi.events.EntityType;
import org.acopi.events.HardshipDecision;
import org.acopi.events.HardshipStatus;
import org.acopi.events.PiSubmission;
import org.acopi.events.RosterEntry;
import org.acopi.events.RosterStatus;
import org.acopi.local.PipelineWatch;
import org.acopi.local.loader.Dataset;
import org.acopi.local.loader.DatasetProducer;
import org.acopi.local.loader.LoadEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole system on real parts: a Kafka broker, a MongoDB server, the three services. Loads the bundled sample ACO
 * with the dataset loader, asserts every figure of its public report against the hand-derived
 * {@code sample/expected-public-report.json}, then applies corrections (a resubmission raising a score, a hardship
 * approval, a roster removal, a late older snapshot, a duplicate of every event) and asserts the report after each.
 * Subclasses say which Kafka and MongoDB: embedded here, containers where Docker exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleAcoScenario {

    /** Where the services find Kafka and MongoDB, and how to stop them. */
    record Infrastructure(String bootstrapServers, String mongoUri, AutoCloseable stop) {
    }

    /** Starts the Kafka broker and the MongoDB server the scenario runs on. */
    abstract Infrastructure startInfrastructure() throws Exception;

    private static final Path SAMPLE = Path.of("sample");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration CONVERGE = Duration.ofSeconds(120);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Infrastructure infrastructure;
    private InProcessServices services;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void startTheSystem(@TempDir Path state) throws Exception {
        infrastructure = startInfrastructure();
        String bootstrap = infrastructure.bootstrapServers();
        services = new InProcessServices(bootstrap, infrastructure.mongoUri(), state);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stopTheSystem() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (services != null) {
            services.close();
        }
        if (infrastructure != null) {
            infrastructure.stop().close();
        }
    }

    @Test
    void publicReportOfTheSampleIsRightAndConvergesAfterEveryCorrection() throws Exception {
        Dataset sample = Dataset.parse(SAMPLE);
        assertThat(sample.problems()).isEmpty();
        List<ProducerRecord<String, byte[]>> corrections = new ArrayList<>();

        // 1. the sample as loaded: every figure hand-derived in sample/EXPECTED.md
        try (DatasetProducer loader = new DatasetProducer(infrastructure.bootstrapServers())) {
            loader.send(sample);
        }
        ObjectNode expected = expectedReport();
        JsonNode report = awaitReport(expected);
        assertThat(report.path("asOf").isMissingNode()).isFalse();
        assertScoredButNotCounted("1482604000", "through the group (TIN)", "below the MIPS low-volume threshold");

        // 2. harbor-athena resubmits TIN B's group data (88 instead of 83): all 7 B clinicians rise by 5
        PiSubmission older = find(sample, Topics.SUBMISSIONS, s -> s.getEntityType() == EntityType.GROUP
                && "364417829".equals(s.getTin()) && s.getSubmittedAt().isBefore(Instant.parse("2027-01-21T00:00:00Z")));
        PiSubmission resubmission = PiSubmission.newBuilder(older).setSubmissionId(older.getSubmissionId() + "-resubmitted")
                .setSubmittedAt(Instant.parse("2027-03-01T00:00:00Z")).build();
        corrections.add(send(Topics.SUBMISSIONS, keyOf(sample, Topics.SUBMISSIONS, older), resubmission));
        set(expected, "apmEntityScore.score", 73.42); // (1874 + 7×5) / 26
        set(expected, "apmEntityScore.formula", "(100×1 + 96×1 + 95×8 + 90×3 + 88×7 + 67×1 + 0×5)/26 = 73.42");
        awaitReport(expected);

        // 3. G3's denied insufficient-internet hardship is approved on appeal: G3 leaves the required set
        HardshipDecision denied = find(sample, Topics.HARDSHIPS, h -> "1274935836".equals(h.getNpi()));
        HardshipDecision approved = HardshipDecision.newBuilder(denied).setEventId(denied.getEventId() + "-appeal")
                .setStatus(HardshipStatus.APPROVED).setDecidedAt(Instant.parse("2026-11-15T00:00:00Z")).build();
        corrections.add(send(Topics.HARDSHIPS, keyOf(sample, Topics.HARDSHIPS, denied), approved));
        set(expected, "providersSuppliers.required", 22);
        set(expected, "providersSuppliers.excluded", 13);
        set(expected, "providersSuppliers.requiredNotScored", 0);
        ((ObjectNode) expected.at("/providersSuppliers/excludedByReason")).put("REWEIGHT_APP_INSUFFICIENT_INTERNET", 1);
        set(expected, "participants.earnedPiScore", 5);          // TIN G: every required NPI now scored
        set(expected, "participants.metRequirementNotExcluded", 4);
        set(expected, "participants.requiredNotScored", 0);
        set(expected, "apmEntityScore.cliniciansCounted", 25);   // G3 reweighted without data: left out
        set(expected, "apmEntityScore.leftOutReweighted", 4);
        set(expected, "apmEntityScore.score", 76.36);            // 1909 / 25
        set(expected, "apmEntityScore.formula", "(100×1 + 96×1 + 95×8 + 90×3 + 88×7 + 67×1 + 0×4)/25 = 76.36");
        awaitReport(expected);

        // 4. A9 leaves the participant list
        RosterEntry a9 = find(sample, Topics.ROSTER, r -> "1482603994".equals(r.getNpi()));
        RosterEntry removal = RosterEntry.newBuilder(a9).setEventId(a9.getEventId() + "-removed")
                .setStatus(RosterStatus.REMOVED).setRecordedAt(Instant.parse("2026-12-20T00:00:00Z")).build();
        corrections.add(send(Topics.ROSTER, keyOf(sample, Topics.ROSTER, a9), removal));
        set(expected, "providersSuppliers.activeRoster", 34);
        set(expected, "providersSuppliers.required", 21);
        set(expected, "providersSuppliers.scored", 25);
        set(expected, "providersSuppliers.earnedPiScore", 24);
        set(expected, "providersSuppliers.metRequirementNotExcluded", 21);
        set(expected, "apmEntityScore.cliniciansCounted", 24);
        set(expected, "apmEntityScore.cliniciansScored", 24);
        set(expected, "apmEntityScore.score", 75.58);            // (1909 − 95) / 24
        set(expected, "apmEntityScore.formula", "(100×1 + 96×1 + 95×7 + 90×3 + 88×7 + 67×1 + 0×4)/24 = 75.58");
        JsonNode settled = awaitReport(expected);

        // 5. a late, older snapshot for A1 (snapshot 1, removed and below the LVT) changes nothing
        RosterEntry a1 = find(sample, Topics.ROSTER, r -> "1482603911".equals(r.getNpi()));
        ClinicianFacts a1Facts = find(sample, Topics.CLINICIAN_FACTS, f -> "1482603911".equals(f.getNpi()));
        corrections.add(send(Topics.ROSTER, keyOf(sample, Topics.ROSTER, a1), RosterEntry.newBuilder(a1)
                .setEventId(a1.getEventId() + "-late").setSnapshot(1).setStatus(RosterStatus.REMOVED)
                .setRecordedAt(Instant.parse("2026-03-31T00:00:00Z")).build()));
        corrections.add(send(Topics.CLINICIAN_FACTS, keyOf(sample, Topics.CLINICIAN_FACTS, a1Facts), ClinicianFacts.newBuilder(a1Facts)
                .setSnapshot(1).setExceedsLowVolumeThreshold(false).setAsOf(Instant.parse("2026-04-15T00:00:00Z")).build()));
        assertUnchangedOnceCaughtUp(settled);

        // 6. every event again, the dataset and the corrections: nothing double counts
        try (DatasetProducer loader = new DatasetProducer(infrastructure.bootstrapServers())) {
            loader.send(sample);
        }
        for (ProducerRecord<String, byte[]> again : corrections) {
            producer.send(again).get();
        }
        assertUnchangedOnceCaughtUp(settled);

        // 7. over HTTP, as the README shows: G3's EHR posts its QRDA III export. G3 is scored; its approved hardship
        //    (step 3) makes it excluded, so it now counts as excluded but voluntarily reported: N1 and N3 rise by one
        double g3Score = postSubmission("application/xml", Path.of("examples/qrda3-individual-2026.xml"));
        ObjectNode moved = (ObjectNode) settled.deepCopy();
        moved.remove(List.of("asOf", "computedFrom", "apmEntityScore", "eligibilityRulesVersions", "scoringRulesVersions"));
        set(moved, "providersSuppliers.earnedPiScore", settled.at("/providersSuppliers/earnedPiScore").asInt() + 1);
        set(moved, "providersSuppliers.excludedVoluntarilyReported",
                settled.at("/providersSuppliers/excludedVoluntarilyReported").asInt() + 1);
        set(moved, "providersSuppliers.scored", settled.at("/providersSuppliers/scored").asInt() + 1);
        JsonNode afterQrda = awaitReport(moved);
        assertThat(afterQrda.at("/providersSuppliers/earnedPiScore").asInt()).isEqualTo(
                afterQrda.at("/providersSuppliers/metRequirementNotExcluded").asInt()
                        + afterQrda.at("/providersSuppliers/excludedVoluntarilyReported").asInt());
        assertThat(participant("1274935836").path("finalScore").asDouble()).isEqualTo(g3Score);

        //    and a registry posts A2's QPP Submissions API object: A2 keeps the higher of its group and individual score
        double a2Individual = postSubmission("application/json", Path.of("examples/qpp-individual-2026.json"));
        awaitParticipantScore("1482603929", Math.max(95, a2Individual));
    }

    /** POSTs a submission document to scoring-service's ingestion endpoint; answers the score it will get. */
    private double postSubmission(String contentType, Path document) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(services.scoringUrl() + "/api/v1/submissions"))
                        .header("Authorization", "Bearer " + InProcessServices.SUBMITTER_TOKEN)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(document))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).at("/data/score/score").asDouble();
    }

    private void awaitParticipantScore(String npi, double score) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        JsonNode row = participant(npi);
        while (row.path("finalScore").asDouble() != score && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            row = participant(npi);
        }
        assertThat(row.path("finalScore").asDouble()).as("final score of %s: %s", npi, row).isEqualTo(score);
    }

    private JsonNode participant(String npi) throws Exception {
        String url = services.reportingUrl() + "/api/v1/acos/A1234/participants?performanceYear=2026&status=ALL";
        JsonNode view = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", InProcessServices.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode row : view.path("participants")) {
            if (npi.equals(row.path("npi").asString())) {
                return row;
            }
        }
        throw new AssertionError("no participant " + npi + " in " + url);
    }

    private void assertUnchangedOnceCaughtUp(JsonNode settled) throws Exception {
        assertThat(new PipelineWatch(admin, List.of("acopi-eligibility", "acopi-scoring", "acopi-reporting-streams", "acopi-reporting"))
                .awaitCaughtUp(CONVERGE)).as("pipeline caught up").isTrue();
        assertThat(withoutTimes(fetchReport())).isEqualTo(withoutTimes(settled));
    }

    private static ObjectNode expectedReport() throws Exception {
        ObjectNode expected = (ObjectNode) JSON.readTree(Files.readString(SAMPLE.resolve("expected-public-report.json")));
        List<String> notes = new ArrayList<>();
        expected.propertyNames().forEach(name -> {
            if (name.startsWith("_")) {
                notes.add(name);
            }
        });
        notes.forEach(expected::remove);
        return expected;
    }

    /** Polls the public report until every field of {@code expected} matches; fails with the last difference. */
    private JsonNode awaitReport(JsonNode expected) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        JsonNode last = null;
        List<String> differences = List.of("no report yet");
        while (Instant.now().isBefore(deadline)) {
            last = fetchReport();
            if (last != null) {
                differences = ReportMatcher.differences(expected, last);
                if (differences.isEmpty()) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("public report did not converge within " + CONVERGE + ": " + differences + "\nlast: " + last);
    }

    /** The participants view says in words why a scored clinician is outside the public counts (JSON and CSV). */
    private void assertScoredButNotCounted(String npi, String... words) throws Exception {
        String url = services.reportingUrl() + "/api/v1/acos/A1234/participants?performanceYear=2026&status=ALL";
        JsonNode view = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", InProcessServices.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode row = null;
        for (JsonNode candidate : view.path("participants")) {
            if (npi.equals(candidate.path("npi").asString())) {
                row = candidate;
            }
        }
        assertThat(row).as("participant %s", npi).isNotNull();
        assertThat(row.path("scored").asBoolean()).isTrue();
        assertThat(row.path("earnedPiScore").asBoolean()).isFalse();
        assertThat(row.path("notCountedNote").asString()).contains(words).contains("not counted in the public counts");
        assertThat(row.path("explanation").asString()).contains(words);
        String csv = HTTP.send(HttpRequest.newBuilder(URI.create(url.replace("/participants?", "/participants.csv?")))
                        .header("Authorization", InProcessServices.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(csv.lines().filter(line -> line.contains(npi)).findFirst().orElseThrow()).contains(words);
    }

    private JsonNode fetchReport() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(services.reportingUrl() + "/api/v1/acos/A1234/public-reports/2026")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static JsonNode withoutTimes(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("asOf");
        copy.remove("computedFrom");
        return copy;
    }

    private static void set(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = (ObjectNode) root.at("/" + String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)));
        parent.set(parts[parts.length - 1], JSON.valueToTree(value));
    }

    @SuppressWarnings("unchecked")
    private static <V> V find(Dataset dataset, Topic<String, V> topic, Predicate<V> which) {
        return dataset.events().stream().filter(e -> e.topic().equals(topic)).map(e -> (V) e.value())
                .filter(which).findFirst().orElseThrow(() -> new AssertionError("sample has no such " + topic));
    }

    private static <V> String keyOf(Dataset dataset, Topic<String, V> topic, V value) {
        return dataset.events().stream().filter(e -> e.topic().equals(topic) && e.value().equals(value))
                .map(LoadEvent::key).findFirst().orElseThrow();
    }

    private <V> ProducerRecord<String, byte[]> send(Topic<String, V> topic, String key, V value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key,
                topic.valueSerde().serializer().serialize(topic.name(), value));
        producer.send(record).get();
        return record;
    }
}
