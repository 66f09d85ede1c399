package org.acopi.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaTransportSecurityTest {

    @Test
    void plaintextByDefault() {
        assertThat(KafkaTransportSecurity.clientProperties(Map.<String, String>of()::get))
                .containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void saslSslWithScramAndAPrivateCa() {
        Map<String, String> p = KafkaTransportSecurity.clientProperties(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "KAFKA_SASL_USERNAME", "acopi-scoring",
                "KAFKA_SASL_PASSWORD", "pa\"ss",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/acopi/kafka-ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit")::get);

        assertThat(p).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"acopi-scoring\" password=\"pa\\\"ss\";")
                .containsEntry("ssl.truststore.location", "/etc/acopi/kafka-ca.p12")
                .containsEntry("ssl.truststore.password", "changeit")
                .doesNotContainKey("ssl.keystore.location");
    }

    @Test
    void aSaslProtocolWithoutCredentialsOrAnUnknownProtocolStopsStartUp() {
        assertThatThrownBy(() -> KafkaTransportSecurity.clientProperties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "u")::get)).hasMessageContaining("KAFKA_SASL_PASSWORD");
        assertThatThrownBy(() -> KafkaTransportSecurity.clientProperties(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")::get))
                .hasMessageContaining("SASL_SSL");
    }
}
