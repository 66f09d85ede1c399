package org.acopi.local.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generators of the catalogue's text: payloads too big or too odd to keep as files are written as placeholders
 * and built here. {@code ${pad:N}} is N letters {@code x} (oversize records and bodies), {@code ${hex:FF FE}} raw bytes
 * (text that is not UTF-8), {@code ${deepJson:N}} an array nested N deep, {@code ${billionLaughs}} an XML document
 * whose entities expand to gigabytes if a parser resolves them.
 */
final class Payloads {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(pad|hex|deepJson|billionLaughs)(?::([^}]*))?}");

    private Payloads() {
    }

    /** The bytes of {@code text} with every placeholder expanded; the rest is UTF-8. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            out.writeBytes(text.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(expand(m.group(1), m.group(2)));
            last = m.end();
        }
        out.writeBytes(text.substring(last).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether {@code text} has raw-byte placeholders, which no Java string can hold. */
    static boolean hasRawBytes(String text) {
        return text.contains("${hex:");
    }

    /**
     * {@code text} with every generator except raw bytes expanded; each raw-byte placeholder becomes as many
     * {@code marker} characters as it has bytes, to be replaced in the encoded bytes by {@link #patchRawBytes}.
     */
    static String textWithMarkers(String text, char marker) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = "hex".equals(m.group(1))
                    ? String.valueOf(marker).repeat(hex(m.group(2)).length)
                    : new String(expand(m.group(1), m.group(2)), StandardCharsets.UTF_8);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Replaces the runs of {@code marker} bytes in {@code encoded}, in order, by the raw bytes of {@code text}. */
    static void patchRawBytes(byte[] encoded, String text, char marker) {
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            if (!"hex".equals(m.group(1))) {
                continue;
            }
            byte[] raw = hex(m.group(2));
            int at = indexOfRun(encoded, (byte) marker, raw.length, from);
            System.arraycopy(raw, 0, encoded, at, raw.length);
            from = at + raw.length;
        }
    }

    private static int indexOfRun(byte[] data, byte b, int length, int from) {
        for (int i = from; i + length <= data.length; i++) {
            int j = 0;
            while (j < length && data[i + j] == b) {
                j++;
            }
            if (j == length) {
                return i;
            }
        }
        throw new IllegalStateException("marker run not found in the encoded record");
    }

    private static byte[] expand(String generator, String argument) {
        return switch (generator) {
            case "pad" -> "x".repeat(Integer.parseInt(argument)).getBytes(StandardCharsets.US_ASCII);
            case "hex" -> hex(argument);
            case "deepJson" -> ("[".repeat(Integer.parseInt(argument)) + "]".repeat(Integer.parseInt(argument)))
                    .getBytes(StandardCharsets.US_ASCII);
            case "billionLaughs" -> billionLaughs().getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException("unknown generator " + generator);
        };
    }

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE ClinicalDocument [\n  <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return dtd.append("]>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&lol9;</title></ClinicalDocument>\n").toString();
    }
}
