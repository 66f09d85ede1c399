package org.acopi.support.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP ingestion endpoints ({@code acopi.ingest.*}).
 *
 * @param submitters who may submit: {@code name:token,name2:token2} (environment {@code ACOPI_SUBMITTERS}); empty
 *                   means nobody can, and every ingestion request is answered 401
 * @param paths the ingestion paths that need a submitter's token; every other path is left as it was
 * @param rateCapacity requests a submitter may send at once (the token bucket's size)
 * @param ratePerMinute requests per minute a submitter may send on average (the bucket's refill)
 * @param maxBody the largest body an ingestion endpoint reads; a larger one is answered 413
 */
@ConfigurationProperties("acopi.ingest")
public record IngestProperties(String submitters, List<String> paths, Integer rateCapacity, Integer ratePerMinute,
                               DataSize maxBody) {

    public IngestProperties {
        submitters = submitters == null ? "" : submitters;
        paths = paths == null || paths.isEmpty() ? List.of("/api/v1/submissions/**", "/api/v1/participants/**") : paths;
        rateCapacity = rateCapacity == null ? 30 : rateCapacity;
        ratePerMinute = ratePerMinute == null ? 60 : ratePerMinute;
        maxBody = maxBody == null ? DataSize.ofMegabytes(16) : maxBody;
    }

    /** Tokens by submitter name, parsed from {@link #submitters}; blank entries are skipped. */
    public Map<String, String> tokensBySubmitter() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String entry : submitters.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0 && colon < entry.strip().length() - 1) {
                tokens.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
            }
        }
        return tokens;
    }
}
