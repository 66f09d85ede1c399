package org.acopi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

    @Test
    void generatedOnceKeptPrivateAndTheSameOnTheNextRun(@TempDir Path dir) throws Exception {
        StackHome home = new StackHome(dir.resolve("home"));
        LocalCredentials first = LocalCredentials.loadOrCreate(home);
        LocalCredentials again = LocalCredentials.loadOrCreate(home);

        assertThat(again).isEqualTo(first);
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(first.token());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.credentials()))).isEqualTo("rw-------");
        assertThat(Files.readString(home.credentials()))
                .contains("export ACOPI_LOGIN='ops:" + first.password() + "'", "export ACOPI_TOKEN='" + first.token() + "'");
        if (System.getenv("ACOPI_USERS") == null && System.getenv("ACOPI_SUBMITTERS") == null) {
            assertThat(first.users()).isEqualTo("ops:" + first.password() + ":operations+operator");
            assertThat(first.submitters()).isEqualTo("local:" + first.token());
        }
        assertThat(String.join("\n", first.howToUse(home, "http://localhost:8083/console")))
                .contains("source " + home.credentials(), "curl -s -u \"$ACOPI_LOGIN\"", "Bearer $ACOPI_TOKEN", first.password());
    }

    @Test
    void aDamagedFileIsReplaced(@TempDir Path dir) throws Exception {
        StackHome home = new StackHome(dir);
        Files.writeString(home.credentials(), "garbage\n");
        LocalCredentials created = LocalCredentials.loadOrCreate(home);
        assertThat(LocalCredentials.loadOrCreate(home)).isEqualTo(created);
    }
}
