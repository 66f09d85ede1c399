package org.acopi.reporting.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.acopi.reporting.web.Html;

/**
 * The frame every page of the operations console shares (MSSP PI reporting, 42 CFR 425.507 and 425.308(b)(9)):
 * language, viewport, landmarks, a breadcrumb, one inline style sheet and no script or external asset, so that the
 * Content-Security-Policy can forbid everything else. Every value is escaped with {@link Html#escape}.
 */
final class ConsoleHtml {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;\
            background:#fff;margin:0}
            header.site{background:#162e51;color:#fff;padding:.5rem 1rem}
            header.site a{color:#fff}header.site p{margin:0;font-weight:600}
            nav.crumbs{padding:.5rem 1rem;border-bottom:1px solid #dfe1e2;font-size:.95rem}
            nav.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
            nav.crumbs li+li::before{content:"\\203A";padding:0 .35rem;color:#454545}
            main{max-width:76rem;margin:0 auto;padding:1rem}
            h1{font-size:1.6rem;margin:.25rem 0}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}
            a{color:#005ea2}a:visited{color:#54278f}a:focus,button:focus,input:focus,select:focus{outline:3px solid #2491ff;outline-offset:1px}
            .sub{color:#454545;margin-top:0}
            .scroll{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
            caption{text-align:left;font-weight:600;padding:.25rem 0}
            th,td{border:1px solid #a9aeb1;padding:.4rem .6rem;text-align:left;vertical-align:top}
            thead th{background:#f0f0f0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .notice{border-left:.3rem solid #005ea2;background:#e7f2f8;padding:.75rem 1rem;margin:1rem 0}
            .warn{border-left:.3rem solid #b50909;background:#f4e3db;padding:.75rem 1rem;margin:1rem 0}
            .ok{color:#00664a;font-weight:600}.bad{color:#b50909;font-weight:600}
            .why{font-size:1.15rem;border:2px solid #162e51;padding:1rem;margin:1rem 0;background:#f5f9ff}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem;margin:1rem 0}
            .card{border:1px solid #a9aeb1;padding:.75rem 1rem;border-radius:.25rem}
            .card .big{font-size:2rem;font-weight:700;display:block}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1.5rem}
            figure{margin:0}figcaption{font-weight:600}svg{max-width:100%;height:auto}
            form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:1rem 0}
            form.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.95rem;max-width:100%}
            input,select,button{font:inherit;padding:.35rem .5rem;border:1px solid #565c65;border-radius:.25rem;max-width:100%}
            button{background:#005ea2;color:#fff;border-color:#005ea2;cursor:pointer}
            .pager{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
            code{font-size:.95em;overflow-wrap:anywhere}
            footer{max-width:76rem;margin:2rem auto 0;padding:1rem;font-size:.9rem;color:#454545;border-top:1px solid #dfe1e2}
            @media (max-width:40rem){main{padding:.75rem}h1{font-size:1.35rem}th,td{padding:.3rem .4rem}}
            """;

    /** A link of the breadcrumb: its text and where it goes (the last, the current page, has no href). */
    record Crumb(String text, String href) {
    }

    private ConsoleHtml() {
    }

    static StringBuilder open(String title, List<Crumb> crumbs) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(esc(title)).append(" · acopi operations console</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"site\"><p><a href=\"/console\">acopi operations console</a>")
                .append(" · MSSP Promoting Interoperability</p></header>\n")
                .append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
        for (int i = 0; i < crumbs.size(); i++) {
            Crumb crumb = crumbs.get(i);
            html.append("<li>");
            if (crumb.href() == null || i == crumbs.size() - 1) {
                html.append("<span aria-current=\"page\">").append(esc(crumb.text())).append("</span>");
            } else {
                html.append("<a href=\"").append(esc(crumb.href())).append("\">").append(esc(crumb.text())).append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ol></nav>\n<main>\n");
        return html;
    }

    static String close(StringBuilder html) {
        html.append("</main>\n<footer>\n<p>TINs are masked to their last four digits unless this deployment shows full TINs. Counts follow 42 CFR 425.308(b)(9) ")
                .append("and the MSSP PI requirement of 42 CFR 425.507 as acopi reads them (the rules with their CMS sources: docs/pi-rules.md in the acopi repository); ")
                .append("a reported score of zero counts as scored. Figures are read from the stored public reports and ")
                .append("participants, not recomputed.</p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    static String problem(String title, String message) {
        StringBuilder html = open(title, List.of(new Crumb("Console", "/console"), new Crumb(title, null)));
        html.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(message)).append("</p>\n")
                .append("<p><a href=\"/console\">Back to all ACOs</a></p>\n");
        return close(html);
    }

    static String esc(Object value) {
        return Html.escape(value);
    }

    static String when(Instant instant) {
        return instant == null ? "not yet" : WHEN.format(instant);
    }

    static String score(Double score) {
        return score == null ? "none" : String.format(Locale.ROOT, "%.2f", score);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** The table is wrapped so that a phone scrolls it sideways instead of the page; focusable for keyboards. */
    static void openTable(StringBuilder html, String caption, String label) {
        html.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").append(esc(label)).append("\">\n<table>\n");
        if (caption != null) {
            html.append("<caption>").append(esc(caption)).append("</caption>\n");
        }
    }

    static void closeTable(StringBuilder html) {
        html.append("</table>\n</div>\n");
    }
}
