package org.acopi.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Writes a refused request's answer in the body every acopi API uses ({@code {"error": CODE, "message": text}}) and
 * counts it in {@code acopi_http_refused_total{status, reason}}: 401 {@code UNAUTHENTICATED}, 403 {@code FORBIDDEN},
 * 429 {@code RATE_LIMITED}. Tags are codes only, never a user name, token or path parameter.
 */
public final class AccessRefusals {

    public static final String REFUSED = "acopi.http.refused";

    private AccessRefusals() {
    }

    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        Counter.builder(REFUSED).tag("status", Integer.toString(status)).tag("reason", code)
                .description("HTTP requests refused for want of a credential, a role or rate").register(Metrics.globalRegistry)
                .increment();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
