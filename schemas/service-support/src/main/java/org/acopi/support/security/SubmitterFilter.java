package org.acopi.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.acopi.support.ingest.IngestMetrics;
import org.acopi.support.ingest.IngestProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a submitter on the ingestion paths by its token ({@code Authorization: Bearer <token>} or
 * {@code X-API-Key: <token>}, compared in constant time) and rate-limits it with a token bucket per submitter.
 * A request without a known token is answered 401, one over the rate 429 with {@code Retry-After}; both are counted
 * in {@link IngestMetrics}. Other paths pass untouched.
 */
final class SubmitterFilter extends OncePerRequestFilter {

    private final Map<String, String> tokens;
    private final List<String> paths;
    private final int capacity;
    private final int perMinute;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AntPathMatcher matcher = new AntPathMatcher();

    SubmitterFilter(IngestProperties properties) {
        this.tokens = properties.tokensBySubmitter();
        this.paths = properties.paths();
        this.capacity = properties.rateCapacity();
        this.perMinute = properties.ratePerMinute();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().noneMatch(p -> matcher.match(p, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String endpoint = endpoint(request.getRequestURI());
        String submitter = submitter(presentedToken(request));
        if (submitter == null) {
            IngestMetrics.rejected(endpoint, "UNAUTHENTICATED");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"acopi\"");
            AccessRefusals.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "send a submitter token as 'Authorization: Bearer <token>' or 'X-API-Key: <token>'");
            return;
        }
        TokenBucket bucket = buckets.computeIfAbsent(submitter, s -> new TokenBucket(capacity, perMinute, System.nanoTime()));
        if (!bucket.tryTake(System.nanoTime())) {
            IngestMetrics.rejected(endpoint, "RATE_LIMITED");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(bucket.secondsUntilNext()));
            AccessRefusals.write(response, 429, "RATE_LIMITED", "more than " + perMinute + " requests a minute from this submitter");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                submitter, null, AuthorityUtils.createAuthorityList("ROLE_SUBMITTER")));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String submitter(String presented) {
        if (presented == null || presented.isEmpty()) {
            return null;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(given, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getKey();
            }
        }
        return found;
    }

    private static String presentedToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null ? null : apiKey.strip();
    }

    /** The metric tag of a path: its last segment ({@code submissions}, {@code roster}, ...). */
    static String endpoint(String uri) {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
