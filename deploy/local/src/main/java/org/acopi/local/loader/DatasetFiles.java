package org.acopi.local.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.acopi.contracts.Topics;
import org.acopi.eligibility.ingest.ParsedEvent;
import org.acopi.eligibility.ingest.ParsedRows;
import org.acopi.eligibility.ingest.ParticipantInput;
import org.acopi.eligibility.ingest.ParticipantRows;
import org.acopi.eligibility.ingest.RowProblem;
import org.acopi.events.AcoProfile;
import org.acopi.events.PiSubmission;
import org.acopi.events.RosterEntry;
import org.acopi.scoring.ingest.LocatedProblem;
import org.acopi.scoring.ingest.ParsedDocument;
import org.acopi.scoring.ingest.ParsedSubmission;
import org.acopi.scoring.ingest.QppJsonParser;
import org.acopi.scoring.ingest.Qrda3Parser;
import org.acopi.scoring.ingest.SubmissionEvents;

/**
 * Reads a dataset's files with the parsers of the services that own them (eligibility-service's
 * {@link ParticipantRows}, scoring-service's {@link QppJsonParser} and {@link Qrda3Parser}), the same ones their HTTP
 * ingestion uses; the loader parses nothing itself. Rules that belong to a service and its PY (an unknown clinician
 * type, docs/pi-rules.md §2.6) are left to the service's edge, as before.
 */
final class DatasetFiles {

    static final String SUBMISSIONS = "submissions";

    private DatasetFiles() {
    }

    static void participants(ParticipantInput input, Path file, DatasetBuilder out) {
        ParsedRows rows = ParticipantRows.csv(input, input.fileName(), read(file));
        for (ParsedEvent<?> event : rows.events()) {
            add(event, out);
        }
        for (RowProblem problem : rows.problems()) {
            out.problem(new LoadProblem(problem.source(), problem.line(), problem.code() + ": " + problem.reason()));
        }
    }

    private static <V> void add(ParsedEvent<V> event, DatasetBuilder out) {
        if (event.value() instanceof AcoProfile p) {
            out.acoYear(p.getAcoId(), p.getPerformanceYear());
        } else if (event.value() instanceof RosterEntry r) {
            out.acoYear(r.getAcoId(), r.getPerformanceYear());
        }
        out.event(new LoadEvent<>(event.topic(), event.key(), event.value(), event.source() + ":" + event.line()));
    }

    static void submissions(Path file, DatasetBuilder out) {
        String name = SUBMISSIONS + "/" + file.getFileName();
        ParsedDocument document = name.toLowerCase(Locale.ROOT).endsWith(".xml")
                ? Qrda3Parser.parse(name, bytes(file))
                : QppJsonParser.parse(name, read(file));
        document.problems().forEach(p -> out.problem(problem(name, p)));
        List<ParsedSubmission> submissions = document.submissions();
        for (int i = 0; i < submissions.size(); i++) {
            ParsedSubmission submission = submissions.get(i);
            if (!submission.readable()) {
                submission.problems().forEach(p -> out.problem(problem(name, p)));
                continue;
            }
            PiSubmission event = SubmissionEvents.fromFile(submission, name, i);
            out.event(new LoadEvent<>(Topics.SUBMISSIONS, SubmissionEvents.key(event, submission), event,
                    submission.location()));
        }
    }

    /** A file:line location becomes the line; an XPath stays in the reason. */
    private static LoadProblem problem(String file, LocatedProblem p) {
        String location = p.location() == null ? "" : p.location();
        String reason = p.number() + " " + p.code() + ": " + p.message();
        String[] parts = location.startsWith(file + ":") ? location.substring(file.length() + 1).split(":") : new String[0];
        if (parts.length > 0 && parts[0].matches("\\d+")) {
            return new LoadProblem(file, Integer.parseInt(parts[0]), reason);
        }
        return new LoadProblem(file, 0, location.startsWith(file + "#") ? reason + " (at " + location.substring(file.length() + 1) + ")"
                : reason);
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
