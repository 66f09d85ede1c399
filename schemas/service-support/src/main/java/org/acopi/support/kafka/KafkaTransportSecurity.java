package org.acopi.support.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;

/**
 * How every Kafka client of a service (consumers, producers, Streams, admin, dead-letter publishers) reaches the
 * broker: plaintext by default, or TLS and SASL/SCRAM from the environment, so that no credential is written in a
 * file of this repository:
 * <ul>
 *   <li>{@code KAFKA_SECURITY_PROTOCOL}: {@code PLAINTEXT} (default), {@code SSL}, {@code SASL_PLAINTEXT} or
 *       {@code SASL_SSL};</li>
 *   <li>{@code KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512} by default, or {@code SCRAM-SHA-256}, {@code PLAIN}),
 *       {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD};</li>
 *   <li>{@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code KAFKA_SSL_TRUSTSTORE_PASSWORD}, {@code KAFKA_SSL_TRUSTSTORE_TYPE}
 *       (the broker's CA; without them the JVM's default trust store is used) and, for mutual TLS,
 *       {@code KAFKA_SSL_KEYSTORE_LOCATION}, {@code KAFKA_SSL_KEYSTORE_PASSWORD}, {@code KAFKA_SSL_KEYSTORE_TYPE}.</li>
 * </ul>
 * The settings are added to Spring Boot's common Kafka client properties, from which every client of the service is
 * built. A SASL protocol without a user name or password stops start-up with a message naming the missing variable.
 */
public final class KafkaTransportSecurity implements BeanPostProcessor {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    private final Environment environment;

    public KafkaTransportSecurity(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaProperties kafka) {
            kafka.getProperties().putAll(clientProperties(environment::getProperty));
        }
        return bean;
    }

    /** The Kafka client properties that the variables ask for (none for plaintext without a trust store). */
    public static Map<String, String> clientProperties(Function<String, String> variables) {
        Map<String, String> p = new LinkedHashMap<>();
        String protocol = value(variables, "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("KAFKA_SECURITY_PROTOCOL is '" + protocol + "'; it must be one of " + PROTOCOLS);
        }
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL_")) {
            String mechanism = value(variables, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").toUpperCase(Locale.ROOT);
            String user = required(variables, "KAFKA_SASL_USERNAME", protocol);
            String password = required(variables, "KAFKA_SASL_PASSWORD", protocol);
            String module = mechanism.startsWith("SCRAM-")
                    ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            p.put(SaslConfigs.SASL_MECHANISM, mechanism);
            p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaasQuoted(user)
                    + "\" password=\"" + jaasQuoted(password) + "\";");
        }
        putIfSet(p, variables, "KAFKA_SSL_TRUSTSTORE_LOCATION", SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
        putIfSet(p, variables, "KAFKA_SSL_TRUSTSTORE_PASSWORD", SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
        putIfSet(p, variables, "KAFKA_SSL_TRUSTSTORE_TYPE", SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
        putIfSet(p, variables, "KAFKA_SSL_KEYSTORE_LOCATION", SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        putIfSet(p, variables, "KAFKA_SSL_KEYSTORE_PASSWORD", SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG);
        putIfSet(p, variables, "KAFKA_SSL_KEYSTORE_TYPE", SslConfigs.SSL_KEYSTORE_TYPE_CONFIG);
        return p;
    }

    private static String value(Function<String, String> variables, String name, String fallback) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String required(Function<String, String> variables, String name, String protocol) {
        String value = variables.apply(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must be set when KAFKA_SECURITY_PROTOCOL is " + protocol);
        }
        return value;
    }

    private static void putIfSet(Map<String, String> p, Function<String, String> variables,
                                 String name, String property) {
        String value = variables.apply(name);
        if (value != null && !value.isBlank()) {
            p.put(property, value.strip());
        }
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
