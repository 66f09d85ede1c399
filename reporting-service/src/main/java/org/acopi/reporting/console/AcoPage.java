package org.acopi.reporting.console;

import static org.acopi.reporting.console.ConsoleHtml.esc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.acopi.reporting.console.ConsoleData.AcoDetail;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.EligibilityPart;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ParticipantStatus;
import org.acopi.reporting.participants.StatusFilter;
import org.acopi.reporting.publicreport.ApmEntityScoreSummary;
import org.acopi.reporting.publicreport.PublicCounts;
import org.acopi.reporting.publicreport.PublicReport;
import org.acopi.reporting.web.OperationsExports;
import org.springframework.web.util.UriUtils;

/**
 * One ACO and PY in the console: the public-reporting counts of 42 CFR 425.308(b)(9) for ACO providers/suppliers
 * (TIN/NPI) and ACO participants (TIN) with the invariant N1 = N2 + N3 (docs/pi-rules.md §8) checked in view, the
 * operations counts, the APM entity PI score and its formula (docs/pi-rules.md §6.3), charts of the exclusions by deciding
 * reason (§7.3) and of the final scores, the key dates of the PY, and the participant list, by default the clinicians
 * required to report PI and not scored (42 CFR 425.507), with search, TIN filter, order, paging and CSV download.
 */
final class AcoPage {

    private static final String[] SCORE_BINS = {"0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79",
            "80–89", "90–100"};

    private AcoPage() {
    }

    static String path(String acoId, int performanceYear) {
        return "/console/acos/" + UriUtils.encodePathSegment(acoId, StandardCharsets.UTF_8) + "/" + performanceYear;
    }

    static String render(AcoDetail detail, ParticipantListQuery query, LocalDate today, boolean showFullTin) {
        PublicReport report = detail.report();
        int py = report.performanceYear();
        String name = detail.profile() == null ? "ACO " + report.acoId()
                : detail.profile().legalName() + " (ACO " + report.acoId() + ")";
        StringBuilder html = ConsoleHtml.open(name + ", PY" + py, List.of(new ConsoleHtml.Crumb("Console", "/console"),
                new ConsoleHtml.Crumb(name + ", PY" + py, null)));
        html.append("<h1>").append(esc(name)).append("</h1>\n<p class=\"sub\">Performance year ").append(py).append(" · ")
                .append(esc(OverviewPage.requirement(report))).append(" · figures as of ").append(esc(ConsoleHtml.when(report.asOf())))
                .append(" · <a href=\"/acos/").append(esc(UriUtils.encodePathSegment(report.acoId(), StandardCharsets.UTF_8)))
                .append("/public-reporting/").append(py).append("\">public-reporting page</a></p>\n");
        if (report.exempt()) {
            html.append("<p class=\"notice\">This ACO is exempt (").append(esc(report.exemptReason()))
                    .append("): the requirement and its public reporting do not apply. The counts below are for information.</p>\n");
        } else if (!report.enforced()) {
            html.append("<p class=\"notice\">CMS does not enforce the Shared Savings Program PI requirement for PY")
                    .append(py).append(" (enforcement discretion).</p>\n");
        }
        cards(html, report, today);
        counts(html, report);
        apmEntityScore(html, report.apmEntityScore());
        charts(html, report, detail.participants());
        list(html, detail, query, showFullTin);
        return ConsoleHtml.close(html);
    }

    private static void cards(StringBuilder html, PublicReport report, LocalDate today) {
        KeyDates dates = KeyDates.forYear(report.performanceYear());
        int atRisk = report.providersSuppliers().requiredNotScored();
        html.append("<section aria-labelledby=\"at-a-glance\"><h2 id=\"at-a-glance\">At a glance</h2>\n<div class=\"cards\">\n")
                .append("<div class=\"card\"><span class=\"big ").append(atRisk > 0 ? "bad" : "ok").append("\">").append(atRisk)
                .append("</span> TIN/NPIs required to report PI and not scored (")
                .append(report.participants().requiredNotScored()).append(report.participants().requiredNotScored() == 1 ? " TIN" : " TINs")
                .append("). <a href=\"#list\">See the list</a></div>\n")
                .append("<div class=\"card\"><strong>Submission window closes</strong> <span class=\"big\">")
                .append(dates.submissionWindowClose()).append("</span>")
                .append(esc(KeyDates.daysLeftText(today, dates.submissionWindowClose()))).append(" (acopi default date)</div>\n")
                .append("<div class=\"card\"><strong>Last day to start a continuous 180-day period</strong> <span class=\"big\">")
                .append(dates.continuousPeriodLastStart()).append("</span>")
                .append(esc(KeyDates.daysLeftText(today, dates.continuousPeriodLastStart()))).append("</div>\n")
                .append("<div class=\"card\"><strong>APM entity PI score</strong> <span class=\"big\">")
                .append(report.apmEntityScore() == null ? "not yet" : report.apmEntityScore().score() == null ? "reweighted"
                        : esc(ConsoleHtml.score(report.apmEntityScore().score())))
                .append("</span><a href=\"#apm\">How it was computed</a></div>\n</div>\n</section>\n");
    }

    private static void counts(StringBuilder html, PublicReport report) {
        PublicCounts npis = report.providersSuppliers();
        PublicCounts tins = report.participants();
        html.append("<section aria-labelledby=\"counts\"><h2 id=\"counts\">Public-reporting counts</h2>\n");
        ConsoleHtml.openTable(html, "The three counts an ACO publishes (42 CFR 425.308(b)(9))", "Public-reporting counts");
        html.append("<thead><tr><th scope=\"col\">Count</th><th scope=\"col\" class=\"num\">ACO providers/suppliers (TIN/NPIs)</th>")
                .append("<th scope=\"col\" class=\"num\">ACO participants (TINs)</th></tr></thead>\n<tbody>\n");
        row(html, "N1 earned a PI score", npis.earnedPiScore(), tins.earnedPiScore());
        row(html, "N2 required, not excluded, and earned a PI score", npis.metRequirementNotExcluded(), tins.metRequirementNotExcluded());
        row(html, "N3 excluded but voluntarily reported and earned a PI score", npis.excludedVoluntarilyReported(),
                tins.excludedVoluntarilyReported());
        html.append("<tr><th scope=\"row\">N1 = N2 + N3</th>").append(invariant(npis)).append(invariant(tins)).append("</tr>\n")
                .append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        ConsoleHtml.openTable(html, "Operations counts", "Operations counts");
        html.append("<thead><tr><th scope=\"col\">Count</th><th scope=\"col\" class=\"num\">TIN/NPIs</th>")
                .append("<th scope=\"col\" class=\"num\">TINs</th></tr></thead>\n<tbody>\n");
        row(html, "On the active participation list", npis.activeRoster(), tins.activeRoster());
        row(html, "Required to report PI", npis.required(), tins.required());
        row(html, "Excluded from the requirement", npis.excluded(), tins.excluded());
        row(html, "Scored at any level", npis.scored(), tins.scored());
        row(html, "Required, not scored", npis.requiredNotScored(), tins.requiredNotScored());
        row(html, "Determination pending (facts not received)", npis.determinationPending(), tins.determinationPending());
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        html.append("</section>\n");
    }

    private static String invariant(PublicCounts c) {
        int n2n3 = c.metRequirementNotExcluded() + c.excludedVoluntarilyReported();
        String sum = c.earnedPiScore() + (c.earnedPiScore() == n2n3 ? " = " : " ≠ ") + c.metRequirementNotExcluded() + " + "
                + c.excludedVoluntarilyReported();
        if (c.earnedPiScore() == n2n3) {
            return "<td class=\"num\">" + esc(sum) + " <span class=\"ok\">holds</span></td>";
        }
        int diff = c.earnedPiScore() - n2n3;
        return "<td class=\"num\">" + esc(sum) + " <span class=\"bad\">does not hold: " + Math.abs(diff)
                + (diff > 0 ? " earned a score but are in neither N2 nor N3" : " more in N2 + N3 than in N1") + "</span></td>";
    }

    private static void row(StringBuilder html, String label, int npis, int tins) {
        html.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td class=\"num\">").append(npis)
                .append("</td><td class=\"num\">").append(tins).append("</td></tr>\n");
    }

    private static void apmEntityScore(StringBuilder html, ApmEntityScoreSummary score) {
        html.append("<section aria-labelledby=\"apm\"><h2 id=\"apm\">APM entity PI score</h2>\n");
        if (score == null) {
            html.append("<p>Not received from scoring-service yet.</p>\n</section>\n");
            return;
        }
        ConsoleHtml.openTable(html, null, "APM entity PI score");
        html.append("<tbody>\n<tr><th scope=\"row\">Score</th><td>")
                .append(score.score() == null ? "reweighted (no score)" : esc(ConsoleHtml.score(score.score())))
                .append("</td></tr>\n<tr><th scope=\"row\">Method</th><td>").append(esc(method(score.method())))
                .append("</td></tr>\n<tr><th scope=\"row\">Formula</th><td><code>")
                .append(esc(score.formula().isBlank() ? "none" : score.formula())).append("</code></td></tr>\n")
                .append("<tr><th scope=\"row\">Clinicians counted in the average</th><td>").append(score.cliniciansCounted())
                .append("</td></tr>\n<tr><th scope=\"row\">Of them scored</th><td>").append(score.cliniciansScored())
                .append("</td></tr>\n<tr><th scope=\"row\">Left out as reweighted</th><td>").append(score.leftOutReweighted())
                .append("</td></tr>\n");
        if (score.entitySubmissionId() != null) {
            html.append("<tr><th scope=\"row\">APM entity submission</th><td>").append(esc(score.entitySubmissionId())).append("</td></tr>\n");
        }
        if (!score.reasonCodes().isEmpty()) {
            html.append("<tr><th scope=\"row\">Reason codes</th><td>").append(esc(String.join(", ", score.reasonCodes()))).append("</td></tr>\n");
        }
        html.append("<tr><th scope=\"row\">Rules</th><td>").append(esc(score.rulesVersion())).append("</td></tr>\n</tbody>\n");
        ConsoleHtml.closeTable(html);
        html.append("</section>\n");
    }

    private static String method(String method) {
        String source = switch (method == null ? "" : method) {
            case "ENTITY_REPORTED" -> " (CMS QPP, APM Entity participation: PI reported at the Entity level)";
            case "ROLLED_UP" -> " (CMS QPP: group and individual PI data aggregated to an APM Entity score)";
            default -> "";
        };
        return OperationsExports.apmEntityMethod(method) + source;
    }

    private static void charts(StringBuilder html, PublicReport report, List<Participant> participants) {
        html.append("<section aria-labelledby=\"charts\"><h2 id=\"charts\">Exclusions and scores</h2>\n<div class=\"charts\">\n<div>\n");
        List<Charts.Bar> reasons = new ArrayList<>();
        report.providersSuppliers().excludedByReason().forEach((reason, count) -> reasons.add(new Charts.Bar(reason, count)));
        Charts.bars(html, "excluded-chart", "Excluded TIN/NPIs by deciding reason",
                "Bar chart of " + report.providersSuppliers().excluded() + " excluded TIN/NPIs by the reason that decided "
                        + "their exclusion; the same figures are in the table below.", reasons);
        ConsoleHtml.openTable(html, "Excluded TIN/NPIs by deciding reason", "Excluded by reason");
        html.append("<thead><tr><th scope=\"col\">Deciding reason</th><th scope=\"col\" class=\"num\">TIN/NPIs</th>")
                .append("<th scope=\"col\" class=\"num\">TINs</th></tr></thead>\n<tbody>\n");
        Set<String> allReasons = new LinkedHashSet<>(report.providersSuppliers().excludedByReason().keySet());
        allReasons.addAll(report.participants().excludedByReason().keySet());
        for (String reason : allReasons) {
            html.append("<tr><th scope=\"row\">").append(esc(reason)).append("</th><td class=\"num\">")
                    .append(report.providersSuppliers().excludedByReason().getOrDefault(reason, 0)).append("</td><td class=\"num\">")
                    .append(report.participants().excludedByReason().getOrDefault(reason, 0)).append("</td></tr>\n");
        }
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        html.append("</div>\n<div>\n");
        int[] bins = new int[SCORE_BINS.length];
        int scored = 0;
        for (Participant p : participants) {
            ParticipantStatus status = p.status(CountingRules.forYear(p.performanceYear()));
            if (status.counted() && status.scored() && p.score().finalScore() != null) {
                bins[Math.min(SCORE_BINS.length - 1, (int) Math.floor(p.score().finalScore() / 10))]++;
                scored++;
            }
        }
        List<Charts.Bar> distribution = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            distribution.add(new Charts.Bar(SCORE_BINS[i], bins[i]));
        }
        Charts.bars(html, "score-chart", "Final PI scores of the scored TIN/NPIs",
                "Bar chart of the final PI scores of " + scored + " scored TIN/NPIs on the participation list, in bands of "
                        + "ten points; the same figures are in the table below.", distribution);
        ConsoleHtml.openTable(html, "Final PI scores of the scored TIN/NPIs", "Score distribution");
        html.append("<thead><tr><th scope=\"col\">Score band</th><th scope=\"col\" class=\"num\">TIN/NPIs</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < bins.length; i++) {
            html.append("<tr><th scope=\"row\">").append(SCORE_BINS[i]).append("</th><td class=\"num\">").append(bins[i]).append("</td></tr>\n");
        }
        html.append("</tbody>\n");
        ConsoleHtml.closeTable(html);
        html.append("</div>\n</div>\n</section>\n");
    }

    private static void list(StringBuilder html, AcoDetail detail, ParticipantListQuery query, boolean showFullTin) {
        PublicReport report = detail.report();
        String base = path(report.acoId(), report.performanceYear());
        List<Participant> selected = query.select(detail.participants(), showFullTin);
        ParticipantListQuery.Page page = query.page(selected);
        html.append("<section aria-labelledby=\"list\"><h2 id=\"list\">").append(esc(listTitle(query.status()))).append("</h2>\n")
                .append("<form class=\"filters\" method=\"get\" action=\"").append(esc(base)).append("#list\">\n")
                .append("<label for=\"f-status\">Show<select id=\"f-status\" name=\"status\">");
        for (StatusFilter filter : StatusFilter.values()) {
            option(html, filter.name().toLowerCase(Locale.ROOT), listTitle(filter), filter == query.status());
        }
        html.append("</select></label>\n<label for=\"f-tin\">TIN<select id=\"f-tin\" name=\"tin\">");
        option(html, "", "All TINs", query.tin().isEmpty());
        Map<String, String> tins = new java.util.TreeMap<>();
        detail.participants().forEach(p -> tins.put(TinRefs.ref(p.tin(), showFullTin), TinRefs.display(p.tin(), showFullTin)));
        tins.forEach((ref, shown) -> option(html, ref, shown, ref.equals(query.tin())));
        html.append("</select></label>\n<label for=\"f-q\">Search NPI, reason or text<input id=\"f-q\" name=\"q\" type=\"search\" value=\"")
                .append(esc(query.search())).append("\"></label>\n<label for=\"f-sort\">Order by<select id=\"f-sort\" name=\"sort\">");
        for (ParticipantListQuery.Sort sort : ParticipantListQuery.Sort.values()) {
            option(html, sort.param(), sort.label, sort == query.sort());
        }
        html.append("</select></label>\n<button type=\"submit\">Apply</button>\n</form>\n");
        html.append("<p id=\"list-count\" role=\"status\"><strong>").append(page.total()).append("</strong> TIN/NPI")
                .append(page.total() == 1 ? "" : "s").append(" match");
        if (page.total() > 0) {
            html.append("; page ").append(page.page()).append(" of ").append(page.pages());
        }
        html.append(". <a id=\"csv-download\" href=\"").append(esc(base + "/participants.csv?" + query.selectionQueryString()))
                .append("\" download>Download these ").append(page.total()).append(" as CSV</a></p>\n");
        if (page.total() > 0) {
            ConsoleHtml.openTable(html, listTitle(query.status()) + ", ordered by " + query.sort().label, "Participant list");
            html.append("<thead><tr><th scope=\"col\">TIN</th><th scope=\"col\">NPI</th><th scope=\"col\">Type</th>")
                    .append("<th scope=\"col\">Deciding reason</th><th scope=\"col\" class=\"num\">Final score</th>")
                    .append("<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
            for (Participant p : page.rows()) {
                EligibilityPart e = p.eligibility();
                boolean scored = p.score() != null && p.score().active() && p.score().scored();
                html.append("<tr><td>").append(esc(TinRefs.display(p.tin(), showFullTin))).append("</td><td><a href=\"")
                        .append(esc(ClinicianPage.path(report.acoId(), report.performanceYear(), p, showFullTin))).append("\">")
                        .append(esc(p.npi())).append("</a></td><td>").append(esc(e == null || e.clinicianType() == null ? "" : e.clinicianType()))
                        .append("</td><td>").append(esc(e == null ? "no determination" : e.decidingReason()))
                        .append("</td><td class=\"num\">").append(scored ? esc(ConsoleHtml.score(p.score().finalScore())) : "none")
                        .append("</td><td>").append(esc(OperationsExports.explanation(p))).append("</td></tr>\n");
            }
            html.append("</tbody>\n");
            ConsoleHtml.closeTable(html);
            pager(html, base, query, page);
        }
        html.append("<p>Every participant of the ACO and PY, whatever its status: <a href=\"")
                .append(esc("/api/v1/acos/" + UriUtils.encodePathSegment(report.acoId(), StandardCharsets.UTF_8)
                        + "/participants.csv?performanceYear=" + report.performanceYear() + "&status=ALL"))
                .append("\">participants CSV (API)</a>.</p>\n</section>\n");
    }

    private static void pager(StringBuilder html, String base, ParticipantListQuery query, ParticipantListQuery.Page page) {
        if (page.pages() <= 1) {
            return;
        }
        html.append("<nav class=\"pager\" aria-label=\"Pages of the list\">");
        if (page.page() > 1) {
            html.append("<a rel=\"prev\" href=\"").append(esc(base + "?" + query.queryString(page.page() - 1) + "#list"))
                    .append("\">Previous page</a>");
        }
        html.append("<span>Page ").append(page.page()).append(" of ").append(page.pages()).append("</span>");
        if (page.page() < page.pages()) {
            html.append("<a rel=\"next\" href=\"").append(esc(base + "?" + query.queryString(page.page() + 1) + "#list"))
                    .append("\">Next page</a>");
        }
        html.append("</nav>\n");
    }

    private static void option(StringBuilder html, String value, String label, boolean selected) {
        html.append("<option value=\"").append(esc(value)).append('"').append(selected ? " selected" : "").append('>')
                .append(esc(label)).append("</option>");
    }

    static String listTitle(StatusFilter filter) {
        return switch (filter) {
            case REQUIRED_NOT_SCORED -> "At risk: required to report PI, not scored";
            case REQUIRED -> "Required to report PI";
            case EXCLUDED -> "Excluded from the requirement";
            case SCORED -> "Scored at any level";
            case EXCLUDED_VOLUNTARILY_REPORTED -> "Excluded but voluntarily reported (N3)";
            case ALL -> "Everyone on the participation list";
            case NOT_COUNTED -> "Not counted (removed, or no determination)";
        };
    }
}
