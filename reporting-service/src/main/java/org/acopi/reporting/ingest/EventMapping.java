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
 * Turns a validated event into the read models' terms, with the Kafka record it came from as its version. Public for
 * the benchmark's reference pipeline (deploy/local), which must map events exactly as the listeners do.
 */
public final class EventMapping {

    private EventMapping() {
    }

    public static ParticipantUpdate eligibility(ConsumerRecord<String, ?> record) {
        ParticipantEligibility e = (ParticipantEligibility) record.value();
        EdgeValidation.clinician(record.key(), e.getPerformanceYear(), e.getTin(), e.getNpi(), e.getAcoId());
        EligibilityPart part = new EligibilityPart(e.getAcoId(), e.getRosterStatus().name(), e.getClinicianType(),
                e.getQpStatus() == null ? null : e.getQpStatus().name(), e.getSspRequired(), e.getSspEnforced(),
                e.getMipsPiRequired(), e.getReasonCodes(), e.getReweighting().name(), e.getDataCompromised(),
                e.getFactsKnown(), e.getSnapshot(), e.getInputVersions(), e.getExplanation(), e.getRulesVersion(),
                version(record));
        return ParticipantUpdate.of(e.getPerformanceYear(), e.getTin(), e.getNpi(), part);
    }

    public static ParticipantUpdate clinicianScore(ConsumerRecord<String, ?> record) {
        ClinicianScore s = (ClinicianScore) record.value();
        EdgeValidation.clinician(record.key(), s.getPerformanceYear(), s.getTin(), s.getNpi(), s.getAcoId());
        EdgeValidation.score(s.getFinalScore());
        ScorePart part = new ScorePart(s.getAcoId(), s.getRosterStatus().name(), s.getScored(), s.getFinalScore(),
                s.getSource() == null ? null : s.getSource().name(), s.getContributingSubmissionIds(),
                s.getCandidates().stream()
                        .map(c -> new CandidateScore(c.getLevel().name(), c.getScore(), c.getSubmissionId(), c.getSubmitter()))
                        .toList(),
                s.getReasonCodes(), s.getRulesVersion(), version(record));
        return ParticipantUpdate.of(s.getPerformanceYear(), s.getTin(), s.getNpi(), part);
    }

    static ApmEntityScoreSummary apmEntityScore(ConsumerRecord<String, ?> record) {
        ApmEntityScore s = (ApmEntityScore) record.value();
        EdgeValidation.acoYear(record.key(), s.getPerformanceYear(), s.getAcoId());
        EdgeValidation.score(s.getScore());
        return new ApmEntityScoreSummary(s.getAcoId(), s.getPerformanceYear(), s.getMethod().name(), s.getScore(),
                s.getCliniciansCounted(), s.getCliniciansScored(), s.getLeftOutReweighted(), s.getEntitySubmissionId(),
                s.getFormula(), s.getReasonCodes(), s.getRulesVersion(), version(record));
    }

    static AcoProfileSummary acoProfile(ConsumerRecord<String, ?> record) {
        AcoProfile p = (AcoProfile) record.value();
        EdgeValidation.acoYear(record.key(), p.getPerformanceYear(), p.getAcoId());
        EdgeValidation.legalName(p.getLegalName());
        return new AcoProfileSummary(p.getAcoId(), p.getPerformanceYear(), p.getLegalName(), p.getProgram().name(),
                p.getTrack() == null ? null : p.getTrack().name(), p.getAllFqhcRhc(), p.getPublicReportingUrl(),
                p.getUpdatedAt(), version(record));
    }

    private static SourceVersion version(ConsumerRecord<String, ?> record) {
        return new SourceVersion(record.topic(), record.partition(), record.offset(),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
    }
}
