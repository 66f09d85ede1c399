package org.acopi.reporting.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The reason codes of MSSP PI determinations and clinician scores (42 CFR 425.507; pi-rules.md §7.3, §11) in words,
 * each with the CMS rule it rests on, read from {@code console/reason-codes.properties}. A code without a text is
 * shown as the code.
 */
final class ReasonTexts {

    private static final Properties TEXTS = load();

    private ReasonTexts() {
    }

    /** A reason in words: the clinician "…" (a sentence to follow "This clinician"). */
    static String text(String code) {
        return TEXTS.getProperty(code + ".text", "has reason code " + code + " (no description on file).");
    }

    /** The CMS source the reason rests on, or blank. */
    static String source(String code) {
        return TEXTS.getProperty(code + ".source", "");
    }

    static boolean known(String code) {
        return TEXTS.containsKey(code + ".text") && TEXTS.containsKey(code + ".source");
    }

    private static Properties load() {
        try (InputStream in = ReasonTexts.class.getResourceAsStream("/console/reason-codes.properties")) {
            if (in == null) {
                throw new IllegalStateException("console/reason-codes.properties is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
