package org.acopi.reporting.web;

/**
 * HTML text escaping for the server-rendered pages (the public-reporting page of 42 CFR 425.308(b)(9) and the operations
 * console): every value written into a page goes through {@link #escape}.
 */
public final class Html {

    private Html() {
    }

    public static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
