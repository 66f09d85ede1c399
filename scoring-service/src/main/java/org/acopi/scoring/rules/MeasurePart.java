package org.acopi.scoring.rules;

import org.acopi.events.MeasureStatus;

/**
 * One measure's contribution to a PI category score (docs/pi-rules.md §2.5a recommended output): the submitted value as
 * text, the points earned, the maximum after redistribution, the formula that produced the points (for example
 * {@code ((49/115)*10) = 4}) and how the measure counted. The public-health pair is one part whose id joins its two
 * measure ids with {@code +}.
 */
public record MeasurePart(
        String measureId,
        String objective,
        String value,
        int points,
        int maxPoints,
        String formula,
        MeasureStatus status) {
}
