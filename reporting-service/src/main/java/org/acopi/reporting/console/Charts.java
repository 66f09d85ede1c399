package org.acopi.reporting.console;

import static org.acopi.reporting.console.ConsoleHtml.esc;

import java.util.List;

/**
 * Inline SVG bar charts for the console (no script, no external asset, allowed by the pages' Content-Security-Policy):
 * one horizontal bar per category, the label above it and the value beside it, with a title and a description for
 * screen readers. Every chart is followed on the page by a table of the same figures.
 */
final class Charts {

    private static final int WIDTH = 600;
    private static final int ROW = 40;
    private static final int BAR_MAX = 480;

    /** One bar: its label and its count. */
    record Bar(String label, int value) {
    }

    private Charts() {
    }

    static void bars(StringBuilder html, String id, String title, String description, List<Bar> bars) {
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 8;
        html.append("<figure>\n<figcaption id=\"").append(id).append("-caption\">").append(esc(title)).append("</figcaption>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">\n<title id=\"")
                .append(id).append("-title\">").append(esc(title)).append("</title>\n<desc id=\"").append(id).append("-desc\">")
                .append(esc(description)).append("</desc>\n");
        if (bars.isEmpty()) {
            html.append("<text x=\"0\" y=\"20\" font-size=\"14\" fill=\"#1b1b1b\">Nothing to show.</text>\n");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW;
            int length = max == 0 ? 0 : (int) Math.round((double) bar.value() * BAR_MAX / max);
            html.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"13\" fill=\"#1b1b1b\">")
                    .append(esc(bar.label())).append("</text>\n")
                    .append("<rect x=\"0\" y=\"").append(y + 19).append("\" width=\"").append(Math.max(length, bar.value() > 0 ? 2 : 0))
                    .append("\" height=\"14\" fill=\"#005ea2\"></rect>\n")
                    .append("<text x=\"").append(length + 6).append("\" y=\"").append(y + 31)
                    .append("\" font-size=\"13\" font-weight=\"600\" fill=\"#1b1b1b\">").append(bar.value()).append("</text>\n");
        }
        html.append("</svg>\n</figure>\n");
    }
}
