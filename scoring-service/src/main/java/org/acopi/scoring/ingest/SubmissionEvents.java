package org.acopi.scoring.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.acopi.contracts.EventKeys;
import org.acopi.events.Measurement;
import org.acopi.events.PiSubmission;
import org.acopi.events.Proportion;
import org.acopi.scoring.rules.MeasureValue;
import org.acopi.scoring.rules.PiMeasurementSet;
import org.acopi.scoring.rules.ReportedMeasure;

/**
 * Turns a readable {@link ParsedSubmission} into the {@code acopi.submissions.v1} event (design.md §4) with the
 * fields a document may leave out defaulted deterministically, so that the same document sent again is the same
 * event: for a file of a dataset, the file name as submitter, January 1 of the year after the PY (plus the object's
 * index in milliseconds) as {@code submittedAt} and a name-based UUID of file name and content as
 * {@code submissionId}; for an HTTP request, the authenticated submitter, the time received and a name-based UUID
 * of submitter and content.
 */
public final class SubmissionEvents {

    private SubmissionEvents() {
    }

    /**
     * The event of a submission read from {@code file} (its path in the dataset, e.g. {@code submissions/ehr.json}),
     * the {@code index}-th object of the file; the default submitter is the file's name without folder and extension.
     */
    public static PiSubmission fromFile(ParsedSubmission s, String file, int index) {
        String submitter = s.submitter() != null ? s.submitter()
                : file.substring(file.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(json|xml)$", "");
        Instant submittedAt = s.submittedAt() != null ? s.submittedAt()
                : LocalDate.of(s.set().performanceYear() + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(index);
        String submissionId = s.submissionId() != null ? s.submissionId() : nameUuid(file, s.identity());
        return event(s, submitter, submissionId, submittedAt);
    }

    /** The event of a submission posted by {@code submitter} and received at {@code receivedAt}. */
    public static PiSubmission fromRequest(ParsedSubmission s, String submitter, Instant receivedAt) {
        String submissionId = s.submissionId() != null ? s.submissionId() : nameUuid(submitter, s.identity());
        return event(s, submitter, submissionId, s.submittedAt() != null ? s.submittedAt() : receivedAt);
    }

    /** The record key: {@code {py}:{entityType}:{entityId}}. */
    public static String key(PiSubmission submission, ParsedSubmission parsed) {
        return EventKeys.submission(submission.getPerformanceYear(), submission.getEntityType(), parsed.set().entity().entityId());
    }

    private static PiSubmission event(ParsedSubmission s, String submitter, String submissionId, Instant submittedAt) {
        if (!s.readable()) {
            throw new IllegalArgumentException("a submission with problems is not an event: " + s.problems());
        }
        PiMeasurementSet set = s.set();
        return PiSubmission.newBuilder()
                .setSubmissionId(submissionId)
                .setSubmitter(submitter)
                .setEntityType(set.entity().type())
                .setTin(set.entity().tin())
                .setNpi(set.entity().npi())
                .setVirtualGroupId(set.entity().virtualGroupId())
                .setApmEntityId(set.entity().apmEntityId())
                .setPerformanceYear(set.performanceYear())
                .setSubmissionMethod(blankToNull(set.submissionMethod()))
                .setPerformanceStart(set.performanceStart())
                .setPerformanceEnd(set.performanceEnd())
                .setCehrtId(blankToNull(set.cehrtId()))
                .setMeasurements(measurements(set.measurements()))
                .setSubmittedAt(submittedAt)
                .setWithdrawn(s.withdrawn())
                .build();
    }

    private static List<Measurement> measurements(List<ReportedMeasure> measures) {
        List<Measurement> out = new ArrayList<>(measures.size());
        for (ReportedMeasure m : measures) {
            Object value = null;
            if (m.value() instanceof MeasureValue.YesNo yesNo) {
                value = yesNo.yes();
            } else if (m.value() instanceof MeasureValue.Ratio r) {
                value = new Proportion(r.numerator(), r.denominator());
            } else if (m.value() != null) {
                throw new IllegalArgumentException("unreadable value of " + m.measureId());
            }
            out.add(Measurement.newBuilder().setMeasureId(m.measureId()).setValue(value).build());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nameUuid(String scope, String identity) {
        return UUID.nameUUIDFromBytes((scope + "\n" + identity).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
