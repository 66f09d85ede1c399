package org.acopi.reporting.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.acopi.reporting.acoprofile.AcoProfileSummary;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.publicreport.PublicCounts;
import org.acopi.reporting.publicreport.PublicReport;

/**
 * The public-reporting page an ACO can publish as is (42 CFR 425.308(b)(9), PY2025+): headed with the ACO's legal name
 * (42 CFR 425.308), the three Promoting Interoperability counts for ACO participants (TINs) and ACO providers/suppliers
 * (TIN/NPIs), and the APM entity PI score. Plain, accessible HTML (language, headings, captioned tables with header
 * scopes), inline CSS only, no script, no external asset; every value is escaped.
 */
final class PublicReportingPage {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final String NOT_MSSP = "NOT_MSSP";

    /** The one sentence that states how the three counts relate (docs/pi-rules.md §8). */
    static final String INVARIANT = "The number that earned a Promoting Interoperability score is the sum of the two "
            + "numbers below it; it counts only MIPS eligible clinicians, QPs and Partial QPs on the ACO's Snapshot-3 "
            + "participation list, so a clinician below the low-volume threshold, not on that list or not a MIPS "
            + "eligible clinician is not counted even when a group score covers it.";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;\
            background:#fff;margin:0 auto;max-width:60rem;padding:1rem 1.5rem}
            h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.25rem;margin-top:2rem}
            .aco-id{font-size:1rem;font-weight:400;color:#454545;white-space:nowrap}
            table{border-collapse:collapse;width:100%;margin:1rem 0}
            caption{text-align:left;font-weight:600;padding:.5rem 0}
            th,td{border:1px solid #71767a;padding:.5rem .75rem;text-align:left;vertical-align:top}
            thead th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .notice{border-left:.3rem solid #005ea2;background:#e7f2f8;padding:.75rem 1rem}
            footer{margin-top:2rem;font-size:.9rem;color:#454545}
            """;

    private PublicReportingPage() {
    }

    /** The page of a report; {@code profile} is null while no profile of the ACO has been received. */
    static String render(PublicReport report, AcoProfileSummary profile) {
        String acoId = "ACO " + report.acoId();
        int py = report.performanceYear();
        String subject = "Promoting Interoperability public reporting, performance year " + py;
        String name = profile == null ? acoId : profile.legalName() + " (" + acoId + ")";
        String heading = profile == null ? Html.escape(acoId)
                : Html.escape(profile.legalName()) + " <span class=\"aco-id\">(" + Html.escape(acoId) + ")</span>";
        StringBuilder html = new StringBuilder(4096);
        head(html, name + ": " + subject);
        html.append("<main>\n<h1>").append(heading).append("</h1>\n<p>").append(Html.escape(subject)).append(".</p>\n");
        if (report.exempt()) {
            html.append("<p class=\"notice\">").append(Html.escape(exemption(report.exemptReason()))).append("</p>\n");
        } else {
            if (!report.enforced()) {
                html.append("<p class=\"notice\">CMS did not enforce the Shared Savings Program requirement to report the MIPS ")
                        .append("Promoting Interoperability performance category for performance year ").append(py)
                        .append(" (enforcement discretion). The figures below are published for information.</p>\n");
            }
            counts(html, report);
        }
        apmEntityScore(html, report.apmEntityScore(), py);
        html.append("</main>\n<footer>\n");
        if (report.asOf() != null) {
            html.append("<p>Figures as of ").append(Html.escape(AS_OF.format(report.asOf()))).append(".</p>\n");
        }
        html.append("<p>ACO participants are counted by Taxpayer Identification Number (TIN); ACO providers/suppliers by ")
                .append("TIN and National Provider Identifier (TIN/NPI). A reported score of zero counts as a score earned. ")
                .append("Published under 42 CFR 425.308(b)(9).</p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    static String notFound(String acoId, int performanceYear) {
        StringBuilder html = new StringBuilder(1024);
        head(html, "Public report not found");
        html.append("<main>\n<h1>Public report not found</h1>\n<p>No Promoting Interoperability public report exists for ACO <strong>")
                .append(Html.escape(acoId)).append("</strong> and performance year ").append(Html.escape(performanceYear))
                .append(".</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String badRequest(String message) {
        StringBuilder html = new StringBuilder(1024);
        head(html, "Bad request");
        html.append("<main>\n<h1>Bad request</h1>\n<p>").append(Html.escape(message)).append("</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String exemption(String reason) {
        if (NOT_MSSP.equals(reason)) {
            return "This ACO does not participate in the Medicare Shared Savings Program in this performance year: the "
                    + "Shared Savings Program requirement to report the MIPS Promoting Interoperability performance category "
                    + "(42 CFR 425.507) and the related public reporting do not apply.";
        }
        return "This ACO is made up entirely of Federally Qualified Health Centers and Rural Health Clinics. It is exempt "
                + "from the Shared Savings Program requirement to report the MIPS Promoting Interoperability performance "
                + "category (42 CFR 425.507) and from the related public reporting.";
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void counts(StringBuilder html, PublicReport report) {
        PublicCounts tins = report.participants();
        PublicCounts clinicians = report.providersSuppliers();
        html.append("<h2>MIPS Promoting Interoperability performance category</h2>\n<table>\n<caption>Number of ACO participants ")
                .append("and ACO providers/suppliers by Promoting Interoperability status, performance year ")
                .append(report.performanceYear()).append("</caption>\n<thead>\n<tr><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">ACO participants (TINs)</th>")
                .append("<th scope=\"col\">ACO providers/suppliers (TIN/NPIs)</th></tr>\n</thead>\n<tbody>\n");
        row(html, "Earned a Promoting Interoperability performance category score",
                tins.earnedPiScore(), clinicians.earnedPiScore());
        row(html, "Required to report, not excluded, and earned a Promoting Interoperability score",
                tins.metRequirementNotExcluded(), clinicians.metRequirementNotExcluded());
        row(html, "Excluded from the requirement but voluntarily reported and earned a Promoting Interoperability score",
                tins.excludedVoluntarilyReported(), clinicians.excludedVoluntarilyReported());
        html.append("</tbody>\n</table>\n<p class=\"invariant\">").append(Html.escape(INVARIANT)).append("</p>\n");
    }

    private static void row(StringBuilder html, String label, int tins, int clinicians) {
        html.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td class=\"num\">").append(tins)
                .append("</td><td class=\"num\">").append(clinicians).append("</td></tr>\n");
    }

    private static void apmEntityScore(StringBuilder html, ApmEntityScoreSummary score, int py) {
        html.append("<h2>APM entity Promoting Interoperability score</h2>\n");
        if (score == null) {
            html.append("<p>Not available yet.</p>\n");
            return;
        }
        html.append("<table>\n<caption>APM entity Promoting Interoperability score, performance year ").append(py)
                .append("</caption>\n<tbody>\n<tr><th scope=\"row\">Score</th><td>")
                .append(score.score() == null ? "Reweighted (no score)" : Html.escape(String.format(Locale.ROOT, "%.2f", score.score())))
                .append("</td></tr>\n<tr><th scope=\"row\">How it was determined</th><td>").append(Html.escape(apmEntityMethod(score.method())))
                .append("</td></tr>\n<tr><th scope=\"row\">Clinicians counted</th><td>").append(score.cliniciansCounted())
                .append("</td></tr>\n<tr><th scope=\"row\">Clinicians left out as reweighted</th><td>").append(score.leftOutReweighted())
                .append("</td></tr>\n</tbody>\n</table>\n");
    }

    /** How the APM entity PI score was determined, in words (its {@code method}). */
    static String apmEntityMethod(String method) {
        if (method == null) {
            return "";
        }
        return switch (method) {
            case "ENTITY_REPORTED" -> "Reported by the ACO at the APM entity level";
            case "ROLLED_UP" -> "Average of the ACO's clinicians' Promoting Interoperability scores";
            case "REWEIGHTED" -> "Reweighted: every clinician qualified for reweighting";
            default -> method;
        };
    }
}
