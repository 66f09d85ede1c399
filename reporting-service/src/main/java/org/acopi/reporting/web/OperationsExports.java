package org.acopi.reporting.web;

import java.util.List;
import org.acopi.reporting.participants.Participant;

/**
 * The operations views' row rendering offered to other features (the operations console): the CSV export of a list of
 * TIN/NPIs (the same columns as {@code /api/v1/acos/{acoId}/participants.csv}) and the explanation in words of how one
 * TIN/NPI counts in its ACO's public-reporting counts (42 CFR 425.308(b)(9), 425.507; docs/pi-rules.md §7.3, §8), so that the
 * console shows and downloads exactly what the API answers. TINs are masked unless {@code showFullTin}.
 */
public final class OperationsExports {

    private OperationsExports() {
    }

    /** The RFC 4180 CSV of these participants, in the order given. */
    public static String csv(String acoId, int performanceYear, List<Participant> participants, boolean showFullTin) {
        return ParticipantsCsv.write(acoId, performanceYear,
                participants.stream().map(p -> ParticipantRow.of(p, showFullTin)).toList());
    }

    /** Why the participant is, or is not, counted, in words (the {@code explanation} of the operations views). */
    public static String explanation(Participant participant) {
        return ParticipantRow.of(participant, false).explanation();
    }

    /** How the APM entity PI score was determined, in the public page's words. */
    public static String apmEntityMethod(String method) {
        return PublicReportingPage.apmEntityMethod(method);
    }

    /** The file name the API gives a download of these participants. */
    public static String csvFileName(int performanceYear, String what) {
        return "participants-" + performanceYear + "-" + what + ".csv";
    }
}
