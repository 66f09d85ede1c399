package org.acopi.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acopi.contracts.Topic;
import org.acopi.contracts.Topics;
import org.acopi.support.deadletter.DeadLetters;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's bad-input catalogue ({@code src/test/resources/bad-input/catalogue.json}) against the whole system: an
 * in-JVM KRaft broker that takes records over 1 MB, mongo-java-server and the three services. Every topic case is
 * produced, then each must come back on {@code <topic>-dlt} from each consumer of the topic with its reason; every
 * HTTP case must be answered with its status and code. Each case's counter must have risen, good events sent after
 * the bad ones must reach the public report, and no line logged during the run may hold a full TIN of the catalogue.
 */
class BadInputCatalogueTest {

    private static final Path CATALOGUE_DIR = Path.of("src", "test", "resources", "bad-input");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Who reads each input topic, by the name each puts in {@code acopi.dlt.consumer}. */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            Topics.ROSTER.name(), List.of("acopi-eligibility"),
            Topics.CLINICIAN_FACTS.name(), List.of("acopi-eligibility"),
            Topics.HARDSHIPS.name(), List.of("acopi-eligibility"),
            Topics.ACO_PROFILES.name(), List.of("acopi-eligibility", "acopi-reporting"),
            Topics.SUBMISSIONS.name(), List.of("acopi-scoring"),
            Topics.PARTICIPANT_ELIGIBILITY.name(), List.of("acopi-scoring", "acopi-reporting-streams"),
            Topics.CLINICIAN_SCORES.name(), List.of("acopi-reporting-streams"),
            Topics.APM_ENTITY_SCORES.name(), List.of("acopi-reporting-streams"));
    private static final Pattern METRIC = Pattern.compile("([a-z_]+)\\{(.*)}");
    /** Bodies over this go by {@link RawHttp}: JDK 17's HttpClient cannot take a 413 in place of 100 Continue. */
    private static final int HUGE_BODY = 8 * 1024 * 1024;

    @Test
    void everyCaseEndsInItsDeadLetterTopicOrItsHttpErrorCountedAndLoggedWithoutAFullTin(@TempDir Path state) throws Exception {
        String catalogueText = Files.readString(CATALOGUE_DIR.resolve("catalogue.json"));
        List<JsonNode> cases = new ArrayList<>();
        JSON.readTree(catalogueText).get("cases").forEach(cases::add);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(c -> c.get("id").asString()).distinct().count()).isEqualTo(cases.size());

        Set<String> executed = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        String log;
        try (LogCapture logs = LogCapture.start()) {
            EmbeddedKafkaKraftBroker kafka = broker();
            MongoServer mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress mongoAddress = mongo.bind();
            try (InProcessServices services = new InProcessServices(kafka.getBrokersAsString(),
                    "mongodb://localhost:" + mongoAddress.getPort(), state, "--acopi.reporting.console.enabled=true")) {
                Run run = new Run(kafka.getBrokersAsString(), services, failures, executed);
                run.awaitHealthy();
                run.topicCases(cases.stream().filter(c -> c.get("channel").asString().startsWith("acopi.")).toList());
                run.httpCases(cases.stream().filter(c -> !c.get("channel").asString().startsWith("acopi.")).toList());
                run.sentinelsGetThrough();
            } finally {
                mongo.shutdown();
                kafka.destroy();
            }
            log = logs.text();
        }
        System.out.printf("bad-input catalogue: %d cases in %d s%n", cases.size(), (System.nanoTime() - started) / 1_000_000_000L);

        Set<String> tins = new TreeSet<>();
        JSON.readTree(catalogueText).get("tins").forEach(t -> tins.add(t.asString()));
        assertThat(tins).contains(CatalogueRecords.TIN);
        for (String tin : tins) {
            int at = log.indexOf(tin);
            if (at >= 0) {
                int from = log.lastIndexOf('\n', at) + 1;
                int to = log.indexOf('\n', at);
                failures.add("a log line holds the full TIN " + tin + ": " + log.substring(from, to < 0 ? log.length() : to));
            }
        }
        assertThat(failures).as("catalogue failures").isEmpty();
        assertThat(executed).as("cases executed").containsExactlyInAnyOrderElementsOf(cases.stream().map(c -> c.get("id").asString()).toList());
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                // the catalogue's oversize records (1.1 MB) must reach the services: the default broker refuses them
                "message.max.bytes", "4194304"));
        kafka.afterPropertiesSet();
        return kafka;
    }

    /** One run of the catalogue on running services. */
    private static final class Run {

        private final String bootstrap;
        private final InProcessServices services;
        private final List<String> failures;
        private final Set<String> executed;
        private final CatalogueRecords records = new CatalogueRecords(CATALOGUE_DIR);

        Run(String bootstrap, InProcessServices services, List<String> failures, Set<String> executed) {
            this.bootstrap = bootstrap;
            this.services = services;
            this.failures = failures;
            this.executed = executed;
        }

        void awaitHealthy() throws Exception {
            for (String url : List.of(services.eligibilityUrl(), services.scoringUrl(), services.reportingUrl())) {
                await("healthy " + url, () -> {
                    HttpResponse<String> health = get(url + "/actuator/health", "operations", null);
                    return health.statusCode() == 200 && health.body().contains("\"UP\"");
                });
            }
        }

        void topicCases(List<JsonNode> cases) throws Exception {
            Map<String, Double> before = metrics(services.eligibilityUrl());
            Map<String, JsonNode> byOrigin = new LinkedHashMap<>();
            Map<String, Integer> expectedIncrements = new HashMap<>();
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (JsonNode c : cases) {
                    CatalogueRecords.Built built = records.build(c);
                    String topic = c.get("channel").asString();
                    RecordMetadata sent = producer.send(new ProducerRecord<>(topic, built.key(), built.value())).get();
                    byOrigin.put(topic + "/" + sent.partition() + "/" + sent.offset(), c);
                    c.get("expect").get("metrics").forEach(m -> expectedIncrements.merge(m.asString(), 1, Integer::sum));
                }
            }
            Map<String, Map<String, String>> reasons = deadLetters(byOrigin, cases);
            for (Map.Entry<String, JsonNode> origin : byOrigin.entrySet()) {
                JsonNode c = origin.getValue();
                Map<String, String> expected = new LinkedHashMap<>();
                c.get("expect").get("dlt").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
                Map<String, String> actual = reasons.getOrDefault(origin.getKey(), Map.of());
                if (!actual.equals(expected)) {
                    failures.add(c.get("id").asString() + ": dead letters by consumer " + actual + ", expected " + expected);
                }
                executed.add(c.get("id").asString());
            }
            Map<String, Double> after = metrics(services.eligibilityUrl());
            expectedIncrements.forEach((metric, count) -> {
                double increase = value(after, metric) - value(before, metric);
                if (increase < count) {
                    failures.add(metric + " rose by " + increase + ", expected " + count);
                }
            });
        }

        /** The reason each consumer gave, by origin, once every expected dead letter is in (or the wait is over). */
        private Map<String, Map<String, String>> deadLetters(Map<String, JsonNode> byOrigin, List<JsonNode> cases) throws Exception {
            int expected = 0;
            for (JsonNode c : cases) {
                expected += c.get("expect").get("dlt").size();
            }
            Map<String, Map<String, String>> reasons = new HashMap<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bad-input-catalogue",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(CONSUMERS.keySet().stream().map(t -> t + Topic.DEAD_LETTER_SUFFIX).toList());
                long deadline = System.nanoTime() + WAIT.toNanos();
                int seen = 0;
                while (seen < expected && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        String origin = DeadLetters.headerValue(r.headers(), DeadLetters.ORIGINAL_TOPIC_HEADER) + "/"
                                + DeadLetters.headerValue(r.headers(), DeadLetters.ORIGINAL_PARTITION_HEADER) + "/"
                                + DeadLetters.headerValue(r.headers(), DeadLetters.ORIGINAL_OFFSET_HEADER);
                        String previous = reasons.computeIfAbsent(origin, o -> new LinkedHashMap<>()).put(
                                DeadLetters.headerValue(r.headers(), DeadLetters.CONSUMER_HEADER),
                                DeadLetters.headerValue(r.headers(), DeadLetters.REASON_HEADER));
                        if (previous == null && byOrigin.containsKey(origin)) {
                            seen++;
                        }
                    }
                }
            }
            return reasons;
        }

        void httpCases(List<JsonNode> cases) throws Exception {
            for (JsonNode c : cases) {
                String id = c.get("id").asString();
                String[] channel = c.get("channel").asString().split(" ", 2);
                String base = baseUrl(channel[1]);
                Map<String, Double> before = metrics(base);
                Answer response;
                try {
                    response = send(c, channel[0], base + channel[1]);
                } catch (IOException e) {
                    failures.add(id + ": no answer: " + e);
                    continue;
                } finally {
                    executed.add(id);
                }
                JsonNode expect = c.get("expect");
                if (response.status() != expect.get("status").asInt()) {
                    failures.add(id + ": status " + response.status() + ", expected " + expect.get("status").asInt()
                            + ": " + abbreviate(response.body()));
                    continue;
                }
                List<String> codes = codes(response);
                String code = expect.get("code").asString();
                if (response.contentType().contains("json") && !codes.contains(code)) {
                    failures.add(id + ": codes " + codes + ", expected " + code + ": " + abbreviate(response.body()));
                }
                Map<String, Double> after = metrics(base);
                for (JsonNode m : expect.get("metrics")) {
                    if (value(after, m.asString()) - value(before, m.asString()) < 1) {
                        failures.add(id + ": " + m.asString() + " did not rise");
                    }
                }
            }
        }

        /** Good events of every external input after the bad ones: they must reach the public report. */
        void sentinelsGetThrough() throws Exception {
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (String topic : List.of(Topics.ACO_PROFILES.name(), Topics.ROSTER.name(), Topics.CLINICIAN_FACTS.name(),
                        Topics.HARDSHIPS.name(), Topics.SUBMISSIONS.name())) {
                    SpecificRecord event = records.fixture(CatalogueRecords.fixtureOf(topic));
                    producer.send(new ProducerRecord<>(topic, CatalogueRecords.keyOf(event).getBytes(StandardCharsets.UTF_8),
                            encode(topic, event))).get();
                }
            }
            String participants = services.reportingUrl() + "/api/v1/acos/" + CatalogueRecords.ACO + "/participants?performanceYear="
                    + CatalogueRecords.PY;
            String page = services.reportingUrl() + "/acos/" + CatalogueRecords.ACO + "/public-reporting/" + CatalogueRecords.PY;
            try {
                await("the sentinel clinician scored in the participants view", () -> {
                    HttpResponse<String> view = get(participants, "operations", null);
                    return view.statusCode() == 200 && view.body().contains(CatalogueRecords.NPI)
                            && JSON.readTree(view.body()).get("participants").get(0).path("finalScore").isNumber();
                });
                await("the sentinel ACO's public page under its legal name", () -> {
                    HttpResponse<String> html = get(page, "none", "text/html");
                    return html.statusCode() == 200 && html.body().contains("Bad Input Catalogue ACO");
                });
            } catch (AssertionError e) {
                failures.add("sentinels: " + e.getMessage());
            }
        }

        @SuppressWarnings("unchecked")
        private static byte[] encode(String topic, SpecificRecord event) {
            Topic<String, SpecificRecord> t = (Topic<String, SpecificRecord>) CatalogueRecords.topicOf(topic);
            return t.valueSerde().serializer().serialize(topic, event);
        }

        private Answer send(JsonNode c, String method, String url) throws Exception {
            Map<String, String> headers = new LinkedHashMap<>();
            authorization(c.get("auth").asString()).ifPresent(a -> headers.put("Authorization", a));
            if (c.has("contentType")) {
                headers.put("Content-Type", c.get("contentType").asString());
            }
            if (c.has("accept")) {
                headers.put("Accept", c.get("accept").asString());
            }
            byte[] body = c.has("body") ? body(c.get("body")) : null;
            if (body != null && body.length > HUGE_BODY) {
                return RawHttp.exchange(URI.create(url), method, headers, body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        }

        private static byte[] body(JsonNode spec) throws Exception {
            String text = spec.has("file") ? Files.readString(CATALOGUE_DIR.resolve(spec.get("file").asString()))
                    : spec.get("text").asString();
            if (spec.has("replace")) {
                for (Map.Entry<String, JsonNode> r : spec.get("replace").properties()) {
                    if (!text.contains(r.getKey())) {
                        throw new IllegalStateException("the body has no '" + r.getKey() + "' to replace");
                    }
                    text = text.replace(r.getKey(), r.getValue().asString());
                }
            }
            return Payloads.bytes(text);
        }

        private static Optional<String> authorization(String auth) {
            return switch (auth) {
                case "submitter" -> Optional.of("Bearer " + InProcessServices.SUBMITTER_TOKEN);
                case "bad-token" -> Optional.of("Bearer not-a-token");
                case "operations" -> Optional.of(InProcessServices.basicAuthorization());
                case "none" -> Optional.empty();
                default -> throw new IllegalArgumentException("unknown auth " + auth);
            };
        }

        private String baseUrl(String path) {
            if (path.startsWith("/api/v1/submissions") || path.startsWith("/api/v1/score-preview")) {
                return services.scoringUrl();
            }
            if (path.startsWith("/api/v1/participants") || path.startsWith("/api/v1/eligibility-preview")) {
                return services.eligibilityUrl();
            }
            return services.reportingUrl();
        }

        /** Every stable code the body names: {@code error} as text or {@code error.code}, then each problem's code. */
        private static List<String> codes(Answer response) {
            List<String> codes = new ArrayList<>();
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (RuntimeException e) {
                return codes;
            }
            JsonNode error = body.path("error");
            if (error.isString()) {
                codes.add(error.asString());
            }
            if (error.has("code")) {
                codes.add(error.get("code").asString());
            }
            for (JsonNode list : List.of(body.path("problems"), error.path("details"))) {
                list.forEach(p -> codes.add(p.path("code").asString()));
            }
            return codes;
        }

        private KafkaProducer<byte[], byte[]> producer() {
            return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4194304),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }

        /** Every sample of the service's Prometheus scrape, by {@code name{label=value,...}} with sorted labels. */
        private Map<String, Double> metrics(String baseUrl) throws Exception {
            Map<String, Double> samples = new HashMap<>();
            for (String line : get(baseUrl + "/actuator/prometheus", "operations", null).body().split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                samples.put(normalized(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
            }
            return samples;
        }

        private static double value(Map<String, Double> samples, String metric) {
            return samples.getOrDefault(normalized(metric), 0.0);
        }

        private static String normalized(String metric) {
            Matcher m = METRIC.matcher(metric);
            if (!m.matches()) {
                return metric;
            }
            Set<String> labels = new TreeSet<>();
            for (String label : m.group(2).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.replace("\"", ""));
                }
            }
            return m.group(1) + "{" + String.join(",", labels) + "}";
        }

        private static HttpResponse<String> get(String url, String auth, String accept) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            authorization(auth).ifPresent(a -> request.header("Authorization", a));
            if (accept != null) {
                request.header("Accept", accept);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static void await(String what, Check check) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!check.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                Thread.sleep(250);
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        }
    }

    /** What an HTTP case was answered. */
    record Answer(int status, String contentType, String body) {
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
