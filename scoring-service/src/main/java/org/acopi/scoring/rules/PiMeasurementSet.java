package org.acopi.scoring.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A Promoting Interoperability measurement set as the QPP Submissions API defines it for category {@code pi}
 * (docs/pi-rules.md §2.5, SD-MSET): who submits, for which performance year, the performance period, the CEHRT ID and
 * the measurements. It is the input of {@link ScoringRules#score}.
 */
public record PiMeasurementSet(
        SubmittingEntity entity,
        int performanceYear,
        String submissionMethod,
        LocalDate performanceStart,
        LocalDate performanceEnd,
        String cehrtId,
        List<ReportedMeasure> measurements) {

    public PiMeasurementSet {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }
}
