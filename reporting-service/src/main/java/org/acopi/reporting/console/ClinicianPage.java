package org.acopi.reporting.console;

import static org.acopi.reporting.console.ConsoleHtml.esc;
import static org.acopi.reporting.console.ConsoleHtml.yesNo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.acopi.reporting.acoprofile.AcoProfileSummary;
import org.acopi.reporting.participants.AcoYear;
import org.acopi.reporting.participants.CandidateScore;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.EligibilityPart;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantStatus;
import org.acopi.reporting.participants.ScorePart;
import org.acopi.reporting.participants.SourceVersion;
import org.acopi.reporting.web.OperationsExports;

/**
 * One clinician (TIN/NPI) of an ACO and PY in the console: why it is or is not counted in the public-reporting counts
 * (42 CFR 425.308(b)(9)), its MSSP PI determination with every reason in words and the CMS rule it rests on
 * (42 CFR 425.507; docs/pi-rules.md §7.3), the candidate PI score of each submission level and which one decided its final
 * score (docs/pi-rules.md §6.3, §11.2), and the input versions that reached the stored determination and score.
 */
final class ClinicianPage {

    private static final List<String> LEVELS = List.of("INDIVIDUAL", "GROUP", "VIRTUAL_GROUP", "APM_ENTITY");

    private ClinicianPage() {
    }

    static String path(String acoId, int performanceYear, Participant p, boolean showFullTin) {
        return AcoPage.path(acoId, performanceYear) + "/clinicians/" + p.npi() + "?tin=" + TinRefs.ref(p.tin(), showFullTin);
    }

    static String render(AcoYear acoYear, AcoProfileSummary profile, List<Participant> matches, boolean showFullTin) {
        String aco = profile == null ? "ACO " + acoYear.acoId() : profile.legalName() + " (ACO " + acoYear.acoId() + ")";
        Participant first = matches.get(0);
        String title = "NPI " + first.npi() + (matches.size() == 1 ? " · TIN " + TinRefs.display(first.tin(), showFullTin) : "");
        StringBuilder html = ConsoleHtml.open(title, List.of(new ConsoleHtml.Crumb("Console", "/console"),
                new ConsoleHtml.Crumb(aco + ", PY" + acoYear.performanceYear(), AcoPage.path(acoYear.acoId(), acoYear.performanceYear())),
                new ConsoleHtml.Crumb(title, null)));
        html.append("<h1>Clinician ").append(esc(title)).append("</h1>\n<p class=\"sub\">").append(esc(aco))
                .append(" · performance year ").append(acoYear.performanceYear()).append("</p>\n");
        if (matches.size() > 1) {
            html.append("<p class=\"notice\">This NPI bills under ").append(matches.size())
                    .append(" TINs of the ACO that match; each TIN/NPI is determined and counted on its own.</p>\n");
        }
        for (int i = 0; i < matches.size(); i++) {
            clinician(html, matches.get(i), "c" + i, matches.size() > 1, showFullTin);
        }
        return ConsoleHtml.close(html);
    }

    private static void clinician(StringBuilder html, Participant p, String id, boolean several, boolean showFullTin) {
        ParticipantStatus status = p.status(CountingRules.forYear(p.performanceYear()));
        if (several) {
            html.append("<h2>TIN ").append(esc(TinRefs.display(p.tin(), showFullTin))).append("</h2>\n");
        }
        html.append("<section aria-labelledby=\"").append(id).append("-why\"><h2 id=\"").append(id)
                .append("-why\">Why it is counted as it is</h2>\n<p class=\"why\">").append(esc(OperationsExports.explanation(p)))
                .append("</p>\n");
        ConsoleHtml.openTable(html, "How this TIN/NPI counts (42 CFR 425.308(b)(9))", "How it counts");
        html.append("<tbody>\n");
        fact(html, "On the active participation list (counted)", status.counted());
        fact(html, "Required to report PI", status.required());
        fact(html, "Excluded from the requirement", status.excluded());
        fact(html, "Scored at any level", status.scored());
        fact(html, "N1 earned a PI score", status.earnedPiScore());
        fact(html, "N2 met the requirement, not excluded", status.metRequirementNotExcluded());
        fact(html, "N3 excluded but voluntarily reported", status.excludedVoluntarilyReported());
        fact(html, "At risk: required, not scored", status.requiredNotScored());
        fact(html, "Determination pending (facts not received)", status.determinationPending());
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        html.append("</section>\n");
        determination(html, p.eligibility(), p.performanceYear(), id);
        scores(html, p.score(), p.performanceYear(), id);
        history(html, p, id);
    }

    private static void fact(StringBuilder html, String label, boolean value) {
        html.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td>").append(yesNo(value)).append("</td></tr>\n");
    }

    private static void determination(StringBuilder html, EligibilityPart e, int performanceYear, String id) {
        html.append("<section aria-labelledby=\"").append(id).append("-det\"><h2 id=\"").append(id)
                .append("-det\">Determination and its reasons</h2>\n");
        if (e == null) {
            html.append("<p>No MSSP PI determination has been received from eligibility-service yet.</p>\n</section>\n");
            return;
        }
        ConsoleHtml.openTable(html, "Reasons, the first one deciding (the first that applies, in CMS's order of exclusions)", "Reasons");
        html.append("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Code</th><th scope=\"col\">In words</th>")
                .append("<th scope=\"col\">CMS source</th></tr></thead>\n<tbody>\n");
        List<String> reasons = e.reasonCodes().isEmpty() ? List.of(e.decidingReason()) : e.reasonCodes();
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i);
            ReasonTexts.Explained why = ReasonTexts.explain(performanceYear, code);
            html.append("<tr><td>").append(i + 1).append(i == 0 ? " (deciding)" : "").append("</td><td><code>").append(esc(code))
                    .append("</code></td><td>").append(esc(why.text())).append("</td><td>")
                    .append(esc(why.source())).append("</td></tr>\n");
        }
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        if (!e.explanation().isBlank()) {
            html.append("<p>eligibility-service's explanation: ").append(esc(e.explanation())).append("</p>\n");
        }
        ConsoleHtml.openTable(html, "The determination as received", "Determination");
        html.append("<tbody>\n");
        detail(html, "Roster status", e.rosterStatus());
        detail(html, "Clinician type", e.clinicianType());
        detail(html, "QP status", e.qpStatus());
        detail(html, "Shared Savings Program requires PI", yesNo(e.sspRequired()));
        detail(html, "CMS enforces it this PY", yesNo(e.sspEnforced()));
        detail(html, "MIPS requires PI", yesNo(e.mipsPiRequired()));
        detail(html, "PI reweighting", e.reweighting());
        detail(html, "Data compromised", yesNo(e.dataCompromised()));
        detail(html, "QPP eligibility facts received", yesNo(e.factsKnown()));
        detail(html, "Deciding snapshot", e.snapshot());
        detail(html, "Rules", e.rulesVersion());
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        html.append("</section>\n");
    }

    private static void detail(StringBuilder html, String label, Object value) {
        html.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td>").append(esc(value == null ? "" : value))
                .append("</td></tr>\n");
    }

    private static void scores(StringBuilder html, ScorePart s, int performanceYear, String id) {
        html.append("<section aria-labelledby=\"").append(id).append("-scores\"><h2 id=\"").append(id)
                .append("-scores\">PI scores by submission level</h2>\n");
        if (s == null) {
            html.append("<p>No clinician score has been received from scoring-service yet.</p>\n</section>\n");
            return;
        }
        html.append("<p>Final score: <strong>").append(s.scored() && s.active() ? esc(ConsoleHtml.score(s.finalScore())) : "none")
                .append("</strong>").append(s.source() == null ? "" : " from the " + esc(s.source()) + " level")
                .append(". The final score is the highest of the candidates (CMS: a clinician scored at several levels receives the highest); a reported 0 is a score.</p>\n");
        ConsoleHtml.openTable(html, "Candidate score of each level", "Candidate scores");
        html.append("<thead><tr><th scope=\"col\">Level</th><th scope=\"col\" class=\"num\">Score</th>")
                .append("<th scope=\"col\">Submission</th><th scope=\"col\">Submitter</th><th scope=\"col\">Decides</th></tr></thead>\n<tbody>\n");
        for (String level : LEVELS) {
            Optional<CandidateScore> candidate = s.candidates().stream().filter(c -> level.equals(c.level()))
                    .max((a, b) -> Double.compare(a.score(), b.score()));
            html.append("<tr><th scope=\"row\">").append(esc(level)).append("</th>");
            if (candidate.isEmpty()) {
                html.append("<td class=\"num\">none</td><td colspan=\"3\">no submission at this level</td></tr>\n");
                continue;
            }
            CandidateScore c = candidate.get();
            html.append("<td class=\"num\">").append(esc(ConsoleHtml.score(c.score()))).append("</td><td>")
                    .append(esc(c.submissionId())).append("</td><td>").append(esc(c.submitter())).append("</td><td>")
                    .append(yesNo(level.equals(s.source()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        if (!s.reasonCodes().isEmpty()) {
            html.append("<ul>\n");
            for (String code : s.reasonCodes()) {
                ReasonTexts.Explained why = ReasonTexts.explain(performanceYear, code);
                html.append("<li><code>").append(esc(code)).append("</code>: ").append(esc(why.text()))
                        .append(why.source().isBlank() ? "" : " (" + esc(why.source()) + ")").append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p>The per-measure points and formulas of each submission are not stored here: the clinician score ")
                .append("carries each level's score only. scoring-service explains a submission measure by measure with ")
                .append("<code>POST /api/v1/score-preview</code>.</p>\n</section>\n");
    }

    private static void history(StringBuilder html, Participant p, String id) {
        html.append("<section aria-labelledby=\"").append(id).append("-history\"><h2 id=\"").append(id)
                .append("-history\">What reached this determination</h2>\n<p>reporting-service keeps the latest version of each part; ")
                .append("these are the records it came from and the input versions eligibility-service decided on.</p>\n");
        ConsoleHtml.openTable(html, "Stored parts", "Stored parts");
        html.append("<thead><tr><th scope=\"col\">Part</th><th scope=\"col\">Topic</th><th scope=\"col\" class=\"num\">Partition</th>")
                .append("<th scope=\"col\" class=\"num\">Offset</th><th scope=\"col\">Recorded</th><th scope=\"col\">Rules</th></tr></thead>\n<tbody>\n");
        part(html, "Determination", p.eligibility() == null ? null : p.eligibility().version(),
                p.eligibility() == null ? null : p.eligibility().rulesVersion());
        part(html, "Score", p.score() == null ? null : p.score().version(), p.score() == null ? null : p.score().rulesVersion());
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        if (p.eligibility() != null && !p.eligibility().inputVersions().isEmpty()) {
            ConsoleHtml.openTable(html, "Input versions of the determination", "Input versions");
            html.append("<thead><tr><th scope=\"col\">Input</th><th scope=\"col\">Version</th></tr></thead>\n<tbody>\n");
            Map<String, String> inputs = new TreeMap<>(p.eligibility().inputVersions());
            inputs.forEach((input, version) -> html.append("<tr><th scope=\"row\">").append(esc(input)).append("</th><td>")
                    .append(esc(version)).append("</td></tr>\n"));
            html.append("</tbody>\n");
            ConsoleHtml.closeTable(html);
        }
        if (p.score() != null && !p.score().contributingSubmissionIds().isEmpty()) {
            html.append("<p>Submissions behind the score: ").append(esc(String.join(", ", p.score().contributingSubmissionIds())))
                    .append(".</p>\n");
        }
        html.append("</section>\n");
    }

    private static void part(StringBuilder html, String label, SourceVersion version, String rules) {
        html.append("<tr><th scope=\"row\">").append(label).append("</th>");
        if (version == null) {
            html.append("<td colspan=\"5\">not received</td></tr>\n");
            return;
        }
        html.append("<td>").append(esc(version.topic())).append("</td><td class=\"num\">").append(version.partition())
                .append("</td><td class=\"num\">").append(version.offset()).append("</td><td>")
                .append(esc(ConsoleHtml.when(version.timestamp()))).append("</td><td>").append(esc(rules == null ? "" : rules))
                .append("</td></tr>\n");
    }
}
