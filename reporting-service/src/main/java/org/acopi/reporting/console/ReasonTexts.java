package org.acopi.reporting.console;

import java.util.Optional;
import org.acopi.contracts.ReasonCatalogue;

/**
 * The reason codes of MSSP PI determinations (42 CFR 425.507) and of clinician and APM entity scores, in words with
 * the CMS source each rests on, as the PY's shared reason catalogue ({@link ReasonCatalogue}) states them, so that the
 * console says of a code exactly what eligibility-service and scoring-service mean by it. A code the catalogue does not
 * know is shown as the code.
 */
final class ReasonTexts {

    /** One reason in words and its CMS source. */
    record Explained(String text, String source) {
    }

    private ReasonTexts() {
    }

    static Explained explain(int performanceYear, String code) {
        Optional<ReasonCatalogue> catalogue = catalogue(performanceYear);
        return catalogue.flatMap(c -> c.find(code)).map(r -> new Explained(capitalized(r.text()), r.source()))
                .or(() -> catalogue.flatMap(c -> c.findScoreReason(code))
                        .map(r -> new Explained(capitalized(r.text()), r.source())))
                .orElse(new Explained("Reason code " + code + " (no description on file for PY" + performanceYear + ").", ""));
    }

    private static Optional<ReasonCatalogue> catalogue(int performanceYear) {
        try {
            return Optional.of(ReasonCatalogue.forYear(performanceYear));
        } catch (IllegalArgumentException unsupportedYear) {
            return Optional.empty();
        }
    }

    private static String capitalized(String text) {
        String sentence = text.endsWith(".") ? text : text + ".";
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
