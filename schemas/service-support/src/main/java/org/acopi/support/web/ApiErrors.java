package org.acopi.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The JSON error body every acopi HTTP API returns for requests it cannot read:
 * {@code {"error": CODE, "message": text}} with status 400 (or 415). Every such answer, and every other 4xx an API
 * or page gives through {@link #rejected}, is counted in {@value #REJECTED_METRIC}{endpoint, reason}, the endpoint
 * being the matched path pattern, or {@code unmatched} when no handler took the request (a 415): never the path
 * itself, which can hold an ACO id or an NPI and would make the tags unbounded. The ingestion
 * endpoints count theirs in {@code acopi.ingest.rejected} instead.
 */
@RestControllerAdvice
public class ApiErrors {

    public static final String REJECTED_METRIC = "acopi.http.rejected";

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage();
        return body(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not valid JSON for this endpoint: " + firstLine(detail));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return body(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", firstLine(e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "send application/json");
    }

    /** The error body, its content type set so that no {@code Accept} header of the request can make it unwritable. */
    public static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, String message) {
        if (status.is4xxClientError()) {
            rejected(code);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "message", message == null ? "" : message));
    }

    /** Counts a rejected request of the current endpoint under a stable code. */
    public static void rejected(String code) {
        String endpoint = "unmatched";
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            endpoint = pattern;
        }
        Counter.builder(REJECTED_METRIC).tag("endpoint", endpoint).tag("reason", code)
                .description("HTTP requests answered 4xx, by stable code").register(Metrics.globalRegistry).increment();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
