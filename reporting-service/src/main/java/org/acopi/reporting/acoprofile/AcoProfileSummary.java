package org.acopi.reporting.acoprofile;

import java.time.Instant;
import java.util.Objects;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.SourceVersion;

/**
 * An ACO's profile for one performance year as ACO operations published it: the legal name under which the ACO
 * publishes its public-reporting web page (42 CFR 425.308), its program (MSSP or ACO REACH), MSSP track, whether every
 * participant is an FQHC/RHC, and the address of that page. The later {@code updatedAt} wins; on the same
 * {@code updatedAt} the profile that arrived later wins, as in eligibility-service, and an identical profile changes
 * nothing. {@code version} is the Kafka record it came from.
 */
public record AcoProfileSummary(
        String acoId,
        int performanceYear,
        String legalName,
        String program,
        String track,
        boolean allFqhcRhc,
        String publicReportingUrl,
        Instant updatedAt,
        SourceVersion version) {

    public AcoProfileSummary {
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public AcoYear acoYear() {
        return new AcoYear(acoId, performanceYear);
    }

    /** Whether this profile replaces the stored one (none stored, a later update, or a later arrival of another profile). */
    public boolean supersedes(AcoProfileSummary stored) {
        if (stored == null) {
            return true;
        }
        int byUpdate = updatedAt.compareTo(stored.updatedAt);
        if (byUpdate != 0) {
            return byUpdate > 0;
        }
        return !sameProfileAs(stored) && version.isNewerThan(stored.version);
    }

    /** Of two profiles of one ACO and PY in one batch, whether this one wins. */
    boolean isLaterInBatchThan(AcoProfileSummary earlier) {
        int byUpdate = updatedAt.compareTo(earlier.updatedAt);
        return byUpdate != 0 ? byUpdate > 0 : version.isLaterInBatchThan(earlier.version);
    }

    private boolean sameProfileAs(AcoProfileSummary other) {
        return Objects.equals(legalName, other.legalName) && Objects.equals(program, other.program)
                && Objects.equals(track, other.track) && allFqhcRhc == other.allFqhcRhc
                && Objects.equals(publicReportingUrl, other.publicReportingUrl);
    }
}
