package org.acopi.support.ingest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * HTTP ingestion plumbing: the {@link IngestPublisher} and stateless submitter authentication for a service that has ingestion endpoints and Spring Security on its class
 * path: the ingestion paths ({@code acopi.ingest.paths}) need a submitter's token ({@code ACOPI_SUBMITTERS}) and
 * are rate-limited per submitter; every other path (previews, read APIs, actuator) stays reachable as before. No
 * session, no CSRF (no cookies are used), no form or basic login, no generated default user.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestAutoConfiguration {

    @Bean
    SecurityFilterChain ingestSecurity(HttpSecurity http, IngestProperties properties) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SubmitterFilter(properties), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(properties.paths().toArray(String[]::new)).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                        SubmitterFilter.error(response, 401, "UNAUTHENTICATED", "a submitter token is required")))
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    IngestPublisher ingestPublisher(KafkaProperties kafka, Environment environment) {
        return new IngestPublisher(kafka.buildProducerProperties(),
                environment.getProperty("spring.application.name", "acopi") + "-ingest");
    }

    /** Stands in for Spring Boot's generated default user: submitters are authenticated by {@link SubmitterFilter}. */
    @Bean
    AuthenticationProvider noPasswordLogins() {
        return new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication authentication) {
                throw new BadCredentialsException("acopi has no password logins");
            }

            @Override
            public boolean supports(Class<?> type) {
                return false;
            }
        };
    }
}
