package org.acopi.reporting.console;

import static org.acopi.reporting.console.ConsoleHtml.esc;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.acopi.reporting.console.ConsoleData.AcoSummary;
import org.acopi.reporting.publicreport.PublicCounts;
import org.acopi.reporting.publicreport.PublicReport;

/**
 * The console's first page: every ACO and PY with its stored public-reporting counts (42 CFR 425.308(b)(9):
 * N1 earned a PI score, N2 met the requirement and not excluded, N3 excluded but voluntarily reported), the clinicians
 * required to report PI and not scored (42 CFR 425.507), the APM entity PI score, whether the requirement is
 * enforced or the ACO exempt, and when the figures last changed; beside them the PY's key dates with the days left.
 */
final class OverviewPage {

    private OverviewPage() {
    }

    static String render(List<AcoSummary> acos, LocalDate today) {
        StringBuilder html = ConsoleHtml.open("ACOs", List.of(new ConsoleHtml.Crumb("Console", null)));
        html.append("<h1>ACOs and performance years</h1>\n<p class=\"sub\">Promoting Interoperability reporting of every ")
                .append("ACO acopi has a public report for. Counts are of ACO providers/suppliers (TIN/NPIs); open an ACO for ")
                .append("the counts by TIN, the at-risk list and each clinician.</p>\n");
        if (acos.isEmpty()) {
            html.append("<p class=\"notice\">No public report has been computed yet: load a participation list, ")
                    .append("eligibility facts and submissions (deploy/local/run.sh load).</p>\n");
            return ConsoleHtml.close(html);
        }
        keyDates(html, acos, today);
        ConsoleHtml.openTable(html, "Every ACO and performance year", "Every ACO and performance year");
        html.append("<thead><tr><th scope=\"col\">ACO</th><th scope=\"col\">PY</th>")
                .append("<th scope=\"col\" class=\"num\">N1 earned a PI score</th>")
                .append("<th scope=\"col\" class=\"num\">N2 met requirement, not excluded</th>")
                .append("<th scope=\"col\" class=\"num\">N3 excluded, voluntarily reported</th>")
                .append("<th scope=\"col\" class=\"num\">Required, not scored</th>")
                .append("<th scope=\"col\">Submission window</th>")
                .append("<th scope=\"col\" class=\"num\">APM entity score</th>")
                .append("<th scope=\"col\">Requirement</th><th scope=\"col\">Last updated</th></tr></thead>\n<tbody>\n");
        for (AcoSummary aco : acos) {
            PublicReport r = aco.report();
            PublicCounts c = r.providersSuppliers();
            KeyDates dates = KeyDates.forYear(r.performanceYear());
            String name = aco.profile() == null ? "ACO " + r.acoId() : aco.profile().legalName() + " (ACO " + r.acoId() + ")";
            html.append("<tr><th scope=\"row\"><a href=\"").append(esc(AcoPage.path(r.acoId(), r.performanceYear()))).append("\">")
                    .append(esc(name)).append("</a></th><td>").append(r.performanceYear()).append("</td>")
                    .append("<td class=\"num\">").append(c.earnedPiScore()).append("</td>")
                    .append("<td class=\"num\">").append(c.metRequirementNotExcluded()).append("</td>")
                    .append("<td class=\"num\">").append(c.excludedVoluntarilyReported()).append("</td>")
                    .append("<td class=\"num\"><span class=\"").append(c.requiredNotScored() > 0 ? "bad" : "ok").append("\">")
                    .append(c.requiredNotScored()).append("</span></td>")
                    .append("<td>closes ").append(dates.submissionWindowClose()).append(" (")
                    .append(esc(KeyDates.daysLeftText(today, dates.submissionWindowClose()))).append(")</td>")
                    .append("<td class=\"num\">").append(apmScore(r)).append("</td>")
                    .append("<td>").append(esc(requirement(r))).append("</td>")
                    .append("<td>").append(esc(ConsoleHtml.when(r.asOf()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        return ConsoleHtml.close(html);
    }

    static String requirement(PublicReport report) {
        if (report.exempt()) {
            return "Exempt (" + report.exemptReason() + ")";
        }
        return report.enforced() ? "Enforced" : "Not enforced (enforcement discretion)";
    }

    private static String apmScore(PublicReport report) {
        if (report.apmEntityScore() == null) {
            return "not yet";
        }
        return report.apmEntityScore().score() == null ? "reweighted" : ConsoleHtml.score(report.apmEntityScore().score());
    }

    private static void keyDates(StringBuilder html, List<AcoSummary> acos, LocalDate today) {
        TreeSet<Integer> years = new TreeSet<>();
        acos.forEach(a -> years.add(a.report().performanceYear()));
        ConsoleHtml.openTable(html, "Key dates (today is " + today + ")", "Key dates");
        html.append("<thead><tr><th scope=\"col\">PY</th><th scope=\"col\">Last day to start a continuous 180-day ")
                .append("PI performance period</th><th scope=\"col\">Submission window closes (acopi default)</th></tr></thead>\n<tbody>\n");
        for (int year : years) {
            KeyDates dates = KeyDates.forYear(year);
            html.append("<tr><th scope=\"row\">").append(year).append("</th><td>").append(dates.continuousPeriodLastStart())
                    .append(" (").append(esc(KeyDates.daysLeftText(today, dates.continuousPeriodLastStart()))).append(")</td><td>")
                    .append(dates.submissionWindowClose()).append(" (")
                    .append(esc(KeyDates.daysLeftText(today, dates.submissionWindowClose()))).append(")</td></tr>\n");
        }
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
    }
}
