package org.acopi.reporting.publicreport;

import java.util.List;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantUpdate;

/**
 * What reporting keeps per TIN/NPI and PY (42 CFR 425.308(b)(9); docs/pi-rules.md §8): the participant as last changed
 * (latest MSSP PI determination and final PI score), the contribution it added to its ACO's public report, and how many
 * changes it has had. {@link #apply} is the per-TIN/NPI step of the incremental report: the stored contribution is what
 * is taken away on the next change, never one recomputed with today's rules.
 */
public record ParticipantState(Participant participant, ReportContribution contribution, long revision) {

    /** A participant's new state and the changes it sends to its ACO's report (two when it moved ACO). */
    public record Applied(ParticipantState state, List<ContributionChange> changes) {
    }

    /**
     * The state after {@code update}, or null when the update is an older or the same version of its part. A newer
     * version that says exactly what is stored only moves the stored version (so a late, older version still loses to
     * it) and sends the ACO nothing.
     */
    public static Applied apply(ParticipantState stored, ParticipantUpdate update) {
        Participant before = stored == null ? null : stored.participant();
        if (before != null && !update.version().isNewerThan(before.storedVersionOf(update))) {
            return null;
        }
        Participant after = Participant.updated(before, update);
        if (after.sameContentAs(before)) {
            return new Applied(new ParticipantState(after, stored.contribution(), stored.revision()), List.of());
        }
        ReportContribution old = stored == null ? null : stored.contribution();
        ReportContribution now = ReportContribution.of(after, CountingRules.forYear(after.performanceYear()));
        ParticipantState next = new ParticipantState(after, now, stored == null ? 1 : stored.revision() + 1);
        if (old != null && now != null && old.acoYear().equals(now.acoYear())) {
            return new Applied(next, List.of(ContributionChange.of(old, now, update.version())));
        }
        List<ContributionChange> changes = new java.util.ArrayList<>(2);
        if (old != null) {
            changes.add(ContributionChange.of(old, null, update.version()));
        }
        if (now != null) {
            changes.add(ContributionChange.of(null, now, update.version()));
        }
        return new Applied(next, changes);
    }
}
