package org.acopi.reporting.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.acopi.reporting.acoprofile.AcoProfileRepository;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.publicreport.PublicReports;
import org.acopi.support.deadletter.DeadLetters;
import org.acopi.support.deadletter.InvalidEventException;
import org.acopi.support.kafka.ListenerDeadLetters;
import org.acopi.support.metrics.EventMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The batch listeners (consumer group {@code acopi-reporting}) that keep the read models of design.md §6 from the
 * MSSP PI determinations (42 CFR 425.507), the clinicians' final PI scores and the APM entity PI scores. Per batch:
 * validate each record at the edge, one bulk write of the participants (or APM entity scores), then recompute the
 * public reports of the ACOs touched. The ACO profiles, which give the legal name an ACO publishes its page under
 * (42 CFR 425.308), are stored alone: no report depends on them. A bad record (a tombstone too: nothing is ever deleted
 * that way) is dead-lettered alone: the records before it are applied first.
 */
@Component
class ReportingListeners {

    private final PublicReports reports;
    private final AcoProfileRepository profiles;

    ReportingListeners(PublicReports reports, AcoProfileRepository profiles) {
        this.reports = reports;
        this.profiles = profiles;
    }

    @KafkaListener(id = "reporting-participant-eligibility", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.contracts.Topics).PARTICIPANT_ELIGIBILITY.name()}")
    void onParticipantEligibility(List<ConsumerRecord<String, Object>> records) {
        consume(records, EventMapping::eligibility, reports::applyParticipants);
    }

    @KafkaListener(id = "reporting-clinician-scores", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.contracts.Topics).CLINICIAN_SCORES.name()}")
    void onClinicianScores(List<ConsumerRecord<String, Object>> records) {
        consume(records, EventMapping::clinicianScore, reports::applyParticipants);
    }

    @KafkaListener(id = "reporting-apm-entity-scores", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.contracts.Topics).APM_ENTITY_SCORES.name()}")
    void onApmEntityScores(List<ConsumerRecord<String, Object>> records) {
        consume(records, EventMapping::apmEntityScore, reports::applyApmEntityScores);
    }

    @KafkaListener(id = "reporting-aco-profiles", idIsGroup = false, batch = "true",
            topics = "#{T(org.acopi.contracts.Topics).ACO_PROFILES.name()}")
    void onAcoProfiles(List<ConsumerRecord<String, Object>> records) {
        consume(records, EventMapping::acoProfile, profiles::apply);
    }

    private static <T> void consume(List<ConsumerRecord<String, Object>> records,
                                    Function<ConsumerRecord<String, Object>, T> validate, Consumer<List<T>> apply) {
        List<T> accepted = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (record.value() == null && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                applied(records, accepted, apply, i);
                throw ListenerDeadLetters.undecodable(records, i);
            }
            try {
                if (record.value() == null) {
                    throw new InvalidEventException(DeadLetters.REASON_MISSING_VALUE, "the record has no value");
                }
                accepted.add(validate.apply(record));
            } catch (InvalidEventException e) {
                applied(records, accepted, apply, i);
                throw ListenerDeadLetters.rejected(e, i);
            }
        }
        applied(records, accepted, apply, records.size());
    }

    private static <T> void applied(List<ConsumerRecord<String, Object>> records, List<T> accepted, Consumer<List<T>> apply,
                                    int processed) {
        apply.accept(accepted);
        if (processed > 0) {
            EventMetrics.processed(records.get(0).topic(), processed);
        }
    }
}
