package org.acopi.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read what ({@code acopi.security.*}).
 *
 * @param users the people and tools that log in with a password: {@code name:password:role[+role],...}
 *              (environment {@code ACOPI_USERS}); roles are {@code operations} (participant views, CSV, previews,
 *              the console) and {@code operator} (actuator details and metrics). A password may be stored hashed
 *              with its encoder's prefix, e.g. {@code {bcrypt}$2a$10$...}; one without a prefix is taken as plain
 *              text. Empty means nobody can log in: every protected view answers 401.
 * @param publicPaths what anyone may read without logging in: the public-reporting page, the public report JSON,
 *                    health status (no details), the OpenAPI description and error pages
 * @param browserPaths paths a person opens in a browser: an anonymous request is sent to the login form instead of
 *                     being answered 401
 */
@ConfigurationProperties("acopi.security")
public record AccessProperties(String users, List<String> publicPaths, List<String> browserPaths) {

    public AccessProperties {
        users = users == null ? "" : users;
        publicPaths = publicPaths == null || publicPaths.isEmpty() ? List.of(
                "/acos/*/public-reporting/*", "/api/v1/acos/*/public-reports/*",
                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/error", "/favicon.ico")
                : publicPaths;
        browserPaths = browserPaths == null || browserPaths.isEmpty() ? List.of("/console", "/console/**") : browserPaths;
    }

    /** The roles a user can hold; Spring Security sees them as {@code ROLE_OPERATIONS} and {@code ROLE_OPERATOR}. */
    public enum Role {
        /** ACO operations and compliance staff: participant views and CSV, previews, the console. */
        OPERATIONS,
        /** Site reliability: actuator health details, info and the Prometheus scrape. */
        OPERATOR,
        /** An EHR or registry that sends data to the ingestion endpoints (authenticated by token, see ACOPI_SUBMITTERS). */
        SUBMITTER
    }

    /** One configured login. */
    public record User(String name, String password, List<Role> roles) {
        @Override
        public String toString() {
            return "User[" + name + ", roles=" + roles + "]";
        }
    }

    /**
     * Parses {@link #users}. A name and role are separated from the password by the first and the last colon, so a
     * password may contain colons; an entry that cannot be read stops start-up with a message that names the entry by
     * its position, never its password.
     */
    public List<User> parsedUsers() {
        List<User> parsed = new ArrayList<>();
        String[] entries = users.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            if (first <= 0 || last <= first + 1 || last == entry.length() - 1) {
                throw new IllegalArgumentException("acopi.security.users entry " + (i + 1)
                        + " is not name:password:role[+role] (roles: operations, operator)");
            }
            List<Role> roles = new ArrayList<>();
            for (String role : entry.substring(last + 1).split("\\+")) {
                String name = role.strip().toUpperCase(Locale.ROOT);
                if (!name.equals(Role.OPERATIONS.name()) && !name.equals(Role.OPERATOR.name())) {
                    throw new IllegalArgumentException("acopi.security.users entry " + (i + 1) + " has role '" + role.strip()
                            + "'; roles are operations and operator (submitters use a token: ACOPI_SUBMITTERS)");
                }
                roles.add(Role.valueOf(name));
            }
            parsed.add(new User(entry.substring(0, first).strip(), entry.substring(first + 1, last), List.copyOf(roles)));
        }
        return parsed;
    }
}
