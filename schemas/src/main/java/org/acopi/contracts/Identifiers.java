package org.acopi.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edge validation of the identifiers that key every event (design.md §4): TIN (9 digits), NPI (10 digits, Luhn
 * check over the {@code 80840} prefix, 45 CFR 162.406) and the supported performance years, which are data
 * ({@code contracts/performance-years.txt}). TINs can be Social Security numbers: {@link #maskTin} is the only
 * form that may be logged.
 */
public final class Identifiers {

    private static final Set<Integer> SUPPORTED_YEARS = loadYears();
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{9,}");

    private Identifiers() {
    }

    public static boolean isTin(String tin) {
        return tin != null && tin.length() == 9 && allDigits(tin);
    }

    public static boolean isNpi(String npi) {
        if (npi == null || npi.length() != 10 || !allDigits(npi)) {
            return false;
        }
        String digits = "80840" + npi;
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Completes a 9-digit NPI stem with its Luhn check digit (for generators and tests). */
    public static String npiWithCheckDigit(String stem9) {
        for (int d = 0; d <= 9; d++) {
            String candidate = stem9 + d;
            if (isNpi(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a 9-digit NPI stem");
    }

    public static boolean isSupportedYear(int performanceYear) {
        return SUPPORTED_YEARS.contains(performanceYear);
    }

    public static Set<Integer> supportedYears() {
        return SUPPORTED_YEARS;
    }

    /** The TIN as it may appear in logs, pages and messages: all but the last four digits hidden. */
    public static String maskTin(String tin) {
        if (tin == null) {
            return "null";
        }
        if (tin.length() <= 4) {
            return "*".repeat(tin.length());
        }
        return "*".repeat(tin.length() - 4) + tin.substring(tin.length() - 4);
    }

    /**
     * Masks every 9-digit TIN inside a key such as {@code 2026:123456789:1234567893}, and every other run of 9 or more
     * digits that is not a valid NPI: a TIN with a digit too many (a typo, or bad input) holds the whole TIN.
     */
    public static String maskKey(String key) {
        if (key == null) {
            return "null";
        }
        Matcher digits = LONG_DIGIT_RUN.matcher(key);
        StringBuilder masked = new StringBuilder();
        while (digits.find()) {
            String run = digits.group();
            digits.appendReplacement(masked, run.length() != 9 && isNpi(run) ? run : maskTin(run));
        }
        return digits.appendTail(masked).toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Set<Integer> loadYears() {
        try (InputStream in = Identifiers.class.getResourceAsStream("/contracts/performance-years.txt")) {
            if (in == null) {
                throw new IllegalStateException("contracts/performance-years.txt missing from the classpath");
            }
            Set<Integer> years = new TreeSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> years.add(Integer.parseInt(l)));
            return java.util.Collections.unmodifiableSet(years);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
