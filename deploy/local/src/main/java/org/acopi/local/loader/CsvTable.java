package org.acopi.local.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file with a header row: comma-separated, fields optionally double-quoted ({@code ""} for a quote inside),
 * one record per line, blank lines and lines starting with {@code #} ignored. Rows with the wrong number of fields or
 * an unterminated quote become problems; the other rows are returned with their line numbers.
 */
final class CsvTable {

    record Row(int line, String content, Map<String, String> fields) {

        String get(String column) {
            String value = fields.get(column);
            return value == null ? "" : value;
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    final List<Row> rows = new ArrayList<>();
    final List<LoadProblem> problems = new ArrayList<>();

    private CsvTable() {
    }

    /**
     * Reads {@code file}; a missing required column makes the whole file a problem (no rows). Columns outside
     * {@code required} and {@code optional} are reported once and ignored.
     */
    static CsvTable read(Path file, List<String> required, Set<String> optional) {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        CsvTable table = new CsvTable();
        List<String> header = null;
        int headerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields;
            try {
                fields = split(line);
            } catch (BadRowException e) {
                table.problems.add(new LoadProblem(name, i + 1, e.getMessage()));
                continue;
            }
            if (header == null) {
                header = fields;
                headerLine = i + 1;
                List<String> missing = required.stream().filter(c -> !fields.contains(c)).toList();
                if (!missing.isEmpty()) {
                    table.problems.add(new LoadProblem(name, headerLine,
                            "header lacks column(s) " + String.join(", ", missing) + "; expected " + String.join(",", required)));
                    return table;
                }
                for (String column : fields) {
                    if (!required.contains(column) && !optional.contains(column)) {
                        table.problems.add(new LoadProblem(name, headerLine, "unknown column '" + column + "' ignored"));
                    }
                }
                continue;
            }
            if (fields.size() != header.size()) {
                table.problems.add(new LoadProblem(name, i + 1,
                        "expected " + header.size() + " fields, found " + fields.size()));
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), fields.get(c));
            }
            table.rows.add(new Row(i + 1, line.strip(), byColumn));
        }
        if (header == null) {
            table.problems.add(new LoadProblem(name, 0, "no header row"));
        }
        return table;
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '"' && current.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                current.setLength(0);
            } else if (wasQuoted && ch != ',') {
                if (!Character.isWhitespace(ch)) {
                    throw new BadRowException("text after a closing quote");
                }
            } else if (ch == ',') {
                fields.add(wasQuoted ? current.toString() : current.toString().strip());
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            throw new BadRowException("unterminated quoted field");
        }
        fields.add(wasQuoted ? current.toString() : current.toString().strip());
        return fields;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
