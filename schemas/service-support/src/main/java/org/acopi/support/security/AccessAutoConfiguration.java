package org.acopi.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.acopi.support.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what on every acopi service (Spring Security), by configuration:
 * <ul>
 *   <li>anyone: the public-reporting page and the public report JSON (42 CFR 425.308(b)(9) makes them public),
 *       health status without details, the OpenAPI description;</li>
 *   <li>a submitter's token ({@code ACOPI_SUBMITTERS}): the ingestion endpoints, rate-limited ({@link SubmitterFilter});</li>
 *   <li>role {@code operations} ({@code ACOPI_USERS}): everything else, i.e. participant views with eligibility details,
 *       CSV, previews and the operations console;</li>
 *   <li>role {@code operator}: actuator details, info and the Prometheus scrape.</li>
 * </ul>
 * People log in with HTTP Basic (tools, curl) or the login form (the console, in a browser; its session cookie is
 * protected by CSRF tokens). A refused request gets the JSON error body and a count in {@code acopi_http_refused_total}.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({AccessProperties.class, IngestProperties.class})
public class AccessAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessAutoConfiguration.class);

    @Bean
    SecurityFilterChain acopiAccess(HttpSecurity http, AccessProperties access, IngestProperties ingest) throws Exception {
        RequestMatcher browser = matcher(access.browserPaths());
        return http
                // the APIs are authenticated by a header on every request, never by the session cookie
                .csrf(csrf -> csrf.ignoringRequestMatchers(matcher(List.of("/api/**", "/actuator/**"))))
                .httpBasic(basic -> basic.authenticationEntryPoint(AccessAutoConfiguration::unauthenticated))
                .formLogin(form -> form.permitAll())
                .logout(logout -> logout.permitAll())
                .addFilterBefore(new SubmitterFilter(ingest), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(matcher(ingest.paths())).hasRole(AccessProperties.Role.SUBMITTER.name())
                        .requestMatchers(matcher(access.publicPaths())).permitAll()
                        .requestMatchers(matcher(List.of("/actuator/**"))).hasRole(AccessProperties.Role.OPERATOR.name())
                        .anyRequest().hasRole(AccessProperties.Role.OPERATIONS.name()))
                // a person opening a page is sent to the login form; an API client is told, in JSON, to send credentials
                // (set as defaults so that Spring Security still generates the login form)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
                        .defaultAuthenticationEntryPointFor(AccessAutoConfiguration::unauthenticated, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((request, response, e) -> AccessRefusals.write(response, 403, "FORBIDDEN",
                                "your login does not hold the role this needs")))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The logins of {@code acopi.security.users}; it also keeps Spring Boot from generating a default user. */
    @Bean
    InMemoryUserDetailsManager acopiUsers(AccessProperties access, PasswordEncoder encoder) {
        List<UserDetails> users = access.parsedUsers().stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.password().startsWith("{") ? user.password() : "{noop}" + user.password())
                        .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .toList();
        if (users.isEmpty()) {
            log.warn("no logins configured (ACOPI_USERS): participant views, previews, the console and actuator details "
                    + "refuse every request; the public-reporting page and report stay public");
        } else {
            log.info("{} login(s) configured: {}", users.size(), access.parsedUsers());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"acopi\"");
        AccessRefusals.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                "log in with a user of ACOPI_USERS (HTTP Basic), e.g. curl -u name:password");
    }

    private static RequestMatcher matcher(List<String> patterns) {
        return new OrRequestMatcher(patterns.stream()
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
    }
}
