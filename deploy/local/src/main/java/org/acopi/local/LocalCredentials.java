package org.acopi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack's logins, generated on its first run and kept in {@code <stack home>/credentials.env} (readable by
 * the user only): one person with roles operations and operator ({@value #USER}) and one submitter
 * ({@value #SUBMITTER}). The file is a shell snippet, so {@code source .acopi-local/credentials.env} gives
 * {@code $ACOPI_LOGIN} for {@code curl -u} and {@code $ACOPI_TOKEN} for {@code Authorization: Bearer}.
 * {@code ACOPI_USERS} or {@code ACOPI_SUBMITTERS} set in the launcher's environment replace the generated ones.
 */
record LocalCredentials(String password, String token) {

    static final String USER = "ops";
    static final String SUBMITTER = "local";

    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalCredentials loadOrCreate(StackHome home) {
        Path file = home.credentials();
        try {
            if (Files.exists(file)) {
                Map<String, String> values = read(file);
                String login = values.getOrDefault("ACOPI_LOGIN", "");
                String token = values.getOrDefault("ACOPI_TOKEN", "");
                if (login.startsWith(USER + ":") && !token.isEmpty()) {
                    return new LocalCredentials(login.substring(USER.length() + 1), token);
                }
                Progress.warn(file + " is not readable as acopi wrote it; writing new logins");
            }
            LocalCredentials created = new LocalCredentials(random(18), random(24));
            Files.createDirectories(file.getParent());
            Files.writeString(file, created.asShell(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the stack home's own permissions apply
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local logins in " + file, e);
        }
    }

    /** {@code ACOPI_USERS} for the services: the launcher's own when set, else the generated person. */
    String users() {
        String configured = System.getenv("ACOPI_USERS");
        return configured == null || configured.isBlank() ? USER + ":" + password + ":operations+operator" : configured;
    }

    /** {@code ACOPI_SUBMITTERS} for the services: the launcher's own when set, else the generated submitter. */
    String submitters() {
        String configured = System.getenv("ACOPI_SUBMITTERS");
        return configured == null || configured.isBlank() ? SUBMITTER + ":" + token : configured;
    }

    /** How to use them, in lines a new user can copy. */
    List<String> howToUse(StackHome home, String consoleUrl) {
        return List.of(
                "Logins (generated on the first run; kept in " + home.credentials() + ", --clean makes new ones):",
                "  console " + consoleUrl + "  user " + USER + "  password " + password,
                "  in a shell: source " + home.credentials() + "   then, for example:",
                "    curl -s -u \"$ACOPI_LOGIN\" 'localhost:8083/api/v1/acos/A1234/participants?performanceYear=2026&status=REQUIRED_NOT_SCORED'",
                "    curl -s -X POST localhost:8082/api/v1/submissions -H \"Authorization: Bearer $ACOPI_TOKEN\""
                        + " -H 'Content-Type: application/xml' --data-binary @deploy/local/examples/qrda3-individual-2026.xml");
    }

    private String asShell() {
        return "# acopi local stack logins, written on its first run (delete this file, or run with --clean, for new ones).\n"
                + "# In a shell: source this file, then curl -u \"$ACOPI_LOGIN\" ... or -H \"Authorization: Bearer $ACOPI_TOKEN\"\n"
                + "# ACOPI_LOGIN: user:password with roles operations (participant views, previews, console) and operator\n"
                + "# (actuator details, metrics); ACOPI_TOKEN: the token of submitter '" + SUBMITTER + "' (ingestion).\n"
                + "export ACOPI_LOGIN='" + USER + ":" + password + "'\n"
                + "export ACOPI_TOKEN='" + token + "'\n";
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ") && trimmed.contains("=")) {
                String assignment = trimmed.substring("export ".length());
                int eq = assignment.indexOf('=');
                values.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("'", ""));
            }
        }
        return values;
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
