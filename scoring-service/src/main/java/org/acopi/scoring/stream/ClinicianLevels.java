package org.acopi.scoring.stream;

import java.util.ArrayList;
import java.util.List;
import org.acopi.events.EntityType;
import org.acopi.scoring.rollup.ClinicianStanding;
import org.acopi.scoring.rollup.EntitySubmissionScores;
import org.acopi.scoring.rollup.LevelCandidate;

/**
 * A rostered clinician with the best current score at each level that can reach it (individual TIN/NPI, group TIN,
 * the virtual group its eligibility names, the ACO's own APM entity submission), as the foreign-key joins collect
 * them.
 */
record ClinicianLevels(ClinicianStanding standing, LevelCandidate individual, LevelCandidate group,
                       LevelCandidate virtualGroup, LevelCandidate apmEntity) {

    static ClinicianLevels of(ClinicianStanding standing) {
        return new ClinicianLevels(standing, null, null, null, null);
    }

    ClinicianLevels withIndividual(LevelCandidate candidate) {
        return new ClinicianLevels(standing, candidate, group, virtualGroup, apmEntity);
    }

    ClinicianLevels withGroup(LevelCandidate candidate) {
        return new ClinicianLevels(standing, individual, candidate, virtualGroup, apmEntity);
    }

    ClinicianLevels withVirtualGroup(LevelCandidate candidate) {
        return new ClinicianLevels(standing, individual, group, candidate, apmEntity);
    }

    ClinicianLevels withApmEntity(LevelCandidate candidate) {
        return new ClinicianLevels(standing, individual, group, virtualGroup, candidate);
    }

    List<LevelCandidate> candidates() {
        List<LevelCandidate> candidates = new ArrayList<>(4);
        for (LevelCandidate c : new LevelCandidate[] {individual, group, virtualGroup, apmEntity}) {
            if (c != null) {
                candidates.add(c);
            }
        }
        return candidates;
    }

    /** The entity's best current score as a candidate at {@code level}, or null when it has none. */
    static LevelCandidate candidate(EntityType level, EntitySubmissionScores scores) {
        if (scores == null) {
            return null;
        }
        return scores.best()
                .map(best -> new LevelCandidate(level, best.score(), best.submissionId(), best.submitter()))
                .orElse(null);
    }
}
