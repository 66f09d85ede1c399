package org.acopi.reporting.ingest;

import java.time.Instant;
import org.acopi.events.AcoProfile;
import org.acopi.events.ApmEntityScore;
import org.acopi.events.ClinicianScore;
import org.acopi.events.ParticipantEligibility;
import org.acopi.reporting.acoprofile.AcoProfileSummary;
import org.acopi.reporting.participants.CandidateScore;
import org.acopi.reporting.participants.EligibilityPart;
import org.acopi.reporting.participants.ParticipantUpdate;
import org.acopi.reporting.participants.ScorePart;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Validates an event at the edge (a failure throws {@code InvalidEventException} with a stable reason code) and turns
 * it into the read models' terms, with the Kafka record it came from as its version. Used by the reporting topology and
 * the ACO-profile listener, and by the benchmark's reference pipeline (deploy/local), which must map events exactly as
 * the service does.
 */
public final class EventMapping {

    private EventMapping() {
    }

    public static ParticipantUpdate eligibility(ConsumerRecord<String, ?> record) {
        return eligibility(record.key(), (ParticipantEligibility) record.value(), version(record));
    }

    public static ParticipantUpdate eligibility(String key, ParticipantEligibility e, SourceVersion version) {
        EdgeValidation.clinician(key, e.getPerformanceYear(), e.getTin(), e.getNpi(), e.getAcoId());
        EligibilityPart part = new EligibilityPart(e.getAcoId(), e.getRosterStatus().name(), e.getClinicianType(),
                e.getQpStatus() == null ? null : e.getQpStatus().name(), e.getSspRequired(), e.getSspEnforced(),
                e.getMipsPiRequired(), e.getReasonCodes(), e.getReweighting().name(), e.getDataCompromised(),
                e.getFactsKnown(), e.getSnapshot(), e.getInputVersions(), e.getExplanation(), e.getRulesVersion(),
                version);
        return ParticipantUpdate.of(e.getPerformanceYear(), e.getTin(), e.getNpi(), part);
    }

    public static ParticipantUpdate clinicianScore(ConsumerRecord<String, ?> record) {
        return clinicianScore(record.key(), (ClinicianScore) record.value(), version(record));
    }

    public static ParticipantUpdate clinicianScore(String key, ClinicianScore s, SourceVersion version) {
        EdgeValidation.clinician(key, s.getPerformanceYear(), s.getTin(), s.getNpi(), s.getAcoId());
        EdgeValidation.score(s.getFinalScore());
        ScorePart part = new ScorePart(s.getAcoId(), s.getRosterStatus().name(), s.getScored(), s.getFinalScore(),
                s.getSource() == null ? null : s.getSource().name(), s.getContributingSubmissionIds(),
                s.getCandidates().stream()
                        .map(c -> new CandidateScore(c.getLevel().name(), c.getScore(), c.getSubmissionId(), c.getSubmitter()))
                        .toList(),
                s.getReasonCodes(), s.getRulesVersion(), version);
        return ParticipantUpdate.of(s.getPerformanceYear(), s.getTin(), s.getNpi(), part);
    }

    public static ApmEntityScoreSummary apmEntityScore(String key, ApmEntityScore s, SourceVersion version) {
        EdgeValidation.acoYear(key, s.getPerformanceYear(), s.getAcoId());
        EdgeValidation.score(s.getScore());
        return new ApmEntityScoreSummary(s.getAcoId(), s.getPerformanceYear(), s.getMethod().name(), s.getScore(),
                s.getCliniciansCounted(), s.getCliniciansScored(), s.getLeftOutReweighted(), s.getEntitySubmissionId(),
                s.getFormula(), s.getReasonCodes(), s.getRulesVersion(), version);
    }

    static AcoProfileSummary acoProfile(ConsumerRecord<String, ?> record) {
        AcoProfile p = (AcoProfile) record.value();
        EdgeValidation.acoYear(record.key(), p.getPerformanceYear(), p.getAcoId());
        EdgeValidation.legalName(p.getLegalName());
        return new AcoProfileSummary(p.getAcoId(), p.getPerformanceYear(), p.getLegalName(), p.getProgram().name(),
                p.getTrack() == null ? null : p.getTrack().name(), p.getAllFqhcRhc(), p.getPublicReportingUrl(),
                p.getUpdatedAt(), version(record));
    }

    public static SourceVersion version(ConsumerRecord<String, ?> record) {
        return new SourceVersion(record.topic(), record.partition(), record.offset(),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
    }
}
