package org.acopi.scoring.rollup;

/**
 * The version of one submitter's PI submission for an entity and PY (docs/pi-rules.md §11.2): a later {@code submittedAt}
 * replaces an earlier one; at the same instant the greater submission id wins, so the outcome does not depend on the
 * order records arrive in, and a record seen twice changes nothing. A withdrawal is a version too, so an older
 * submission arriving after it stays retracted.
 */
public record SubmissionVersion(long submittedAt, String submissionId, boolean withdrawn) {

    /** True when this version replaces {@code current} (always when there is no current version). */
    public boolean supersedes(SubmissionVersion current) {
        if (current == null) {
            return true;
        }
        if (submittedAt != current.submittedAt) {
            return submittedAt > current.submittedAt;
        }
        int byId = submissionId.compareTo(current.submissionId);
        if (byId != 0) {
            return byId > 0;
        }
        return withdrawn && !current.withdrawn;
    }
}
