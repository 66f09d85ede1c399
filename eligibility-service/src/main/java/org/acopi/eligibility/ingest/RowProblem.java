package org.acopi.eligibility.ingest;

/**
 * A row of a participant input that was not taken, and why: the source (file name or {@code body}), its 1-based
 * line (0 for the whole file), a stable code of {@link org.acopi.eligibility.domain.InputProblem} and a reason that
 * never contains a full TIN.
 */
public record RowProblem(String source, int line, String code, String reason) {

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
