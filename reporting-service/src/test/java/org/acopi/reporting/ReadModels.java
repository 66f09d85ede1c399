package org.acopi.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.participants.StoredParticipant;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.publicreport.ContributionChange;
import org.acopi.reporting.publicreport.ParticipantState;
import org.acopi.reporting.publicreport.ReportTally;
import org.acopi.reporting.publicreport.TinTally;

/**
 * The reporting topology's two steps ({@link ParticipantState#apply}, {@link ReportTally#apply}) over in-memory maps
 * instead of state stores, in arrival order: what the stores would hold after the same records.
 */
public final class ReadModels {

    public final Map<String, ParticipantState> participants = new LinkedHashMap<>();
    public final Map<String, ReportTally> tallies = new TreeMap<>();
    public final Map<String, TinTally> tins = new HashMap<>();

    public ReadModels participants(List<ParticipantUpdate> updates) {
        updates.forEach(this::participant);
        return this;
    }

    public ReadModels participant(ParticipantUpdate update) {
        ParticipantState.Applied applied = ParticipantState.apply(participants.get(update.participantId()), update);
        if (applied != null) {
            participants.put(update.participantId(), applied.state());
            applied.changes().forEach(this::change);
        }
        return this;
    }

    public ReadModels apmEntityScores(List<ApmEntityScoreSummary> scores) {
        scores.forEach(score -> change(ContributionChange.of(score)));
        return this;
    }

    private void change(ContributionChange change) {
        String key = change.acoKey();
        String tinKey = change.apmEntityScore() != null ? null
                : ReportTally.tinKey(key, (change.now() != null ? change.now() : change.old()).tin());
        ReportTally.Applied applied = ReportTally.apply(tallies.get(key), tinKey == null ? null : tins.get(tinKey), change);
        if (applied.tally() != null) {
            tallies.put(key, applied.tally());
            if (tinKey != null) {
                tins.put(tinKey, applied.tin());
            }
        }
    }

    public List<StoredParticipant> storedParticipants() {
        List<StoredParticipant> stored = new ArrayList<>();
        participants.values().forEach(s -> stored.add(new StoredParticipant(s.participant(), s.revision())));
        return stored;
    }

    public List<ReportTally> storedTallies() {
        return List.copyOf(tallies.values());
    }
}
