package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.EligibilityServiceApplication;
import org.acopi.local.loader.Dataset;
import org.acopi.local.loader.DatasetProducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Transport security end to end: a real KRaft broker whose only client listener is SASL_PLAINTEXT with SCRAM-SHA-512,
 * and eligibility-service (Kafka Streams, exactly-once, topic provisioning, dead-letter producers, Kafka health)
 * configured for it by nothing but the environment variables of {@code KafkaTransportSecurity}. The sample roster goes
 * in through an authenticated producer, and its determinations come out; a client with a wrong password is refused.
 */
class SaslBrokerTest {

    private static final KafkaBroker.Scram USER = new KafkaBroker.Scram("acopi-eligibility", "s3cret-for-tests");

    @Test
    void eligibilityServiceRunsAgainstAScramListener(@TempDir Path dir) throws Exception {
        StackHome home = new StackHome(dir.resolve("home"));
        home.create();
        KafkaBroker broker = new KafkaBroker(home, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), freePort(), freePort(), USER);
        broker.start(Duration.ofSeconds(120));
        ConfigurableApplicationContext service = null;
        try {
            try (Admin admin = KafkaBroker.admin(broker.bootstrap(), USER.clientProperties())) {
                TopicSetup.createMissing(admin);
            }
            Map<String, String> wrong = new HashMap<>(USER.clientProperties());
            wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replace(USER.password(), "guess"));
            try (Admin intruder = KafkaBroker.admin(broker.bootstrap(), wrong)) {
                assertThatThrownBy(() -> intruder.listTopics().names().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
            }

            service = new SpringApplicationBuilder(EligibilityServiceApplication.class).run(
                    "--spring.config.location=" + ownConfig(EligibilityServiceApplication.class),
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrap(),
                    "--KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
                    "--KAFKA_SASL_MECHANISM=SCRAM-SHA-512",
                    "--KAFKA_SASL_USERNAME=" + USER.user(),
                    "--KAFKA_SASL_PASSWORD=" + USER.password(),
                    "--acopi.streams.state-dir=" + dir.resolve("state"),
                    "--spring.main.banner-mode=off");

            Dataset sample = Dataset.parse(Path.of("sample"));
            try (DatasetProducer producer = new DatasetProducer(broker.bootstrap(), USER.clientProperties())) {
                producer.send(sample);
            }
            Set<String> decided = determinations(broker.bootstrap(), 20, Duration.ofSeconds(120));
            assertThat(decided).hasSizeGreaterThanOrEqualTo(20);

            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            if (service != null) {
                service.close();
            }
            broker.stop();
        }
    }

    private static Set<String> determinations(String bootstrap, int atLeast, Duration timeout) {
        Map<String, Object> config = new HashMap<>(USER.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-test-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PARTICIPANT_ELIGIBILITY.name()));
            Instant deadline = Instant.now().plus(timeout);
            while (keys.size() < atLeast && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
        }
        return keys;
    }

    private static String ownConfig(Class<?> app) {
        String location = app.getProtectionDomain().getCodeSource().getLocation().toString();
        return location.endsWith(".jar") ? "jar:" + location + "!/application.yml" : location + "application.yml";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
