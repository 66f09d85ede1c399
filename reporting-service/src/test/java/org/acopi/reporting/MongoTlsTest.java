package org.acopi.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MongoDB client trusts a private CA from a PKCS12 trust store (MONGODB_TLS_TRUSTSTORE_LOCATION). */
class MongoTlsTest {

    @Test
    void aTrustStoreIsReadAndAWrongPasswordIsNamed(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("mongo-ca.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=acopi-test-ca",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit"))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        SSLContext context = MongoConfiguration.sslContext(store.toString(), "changeit");
        assertThat(context.getProtocol()).isEqualTo("TLS");
        assertThatThrownBy(() -> MongoConfiguration.sslContext(store.toString(), "wrong"))
                .hasMessageContaining("cannot read the MongoDB trust store");
    }
}
