package org.acopi.eligibility.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.acopi.eligibility.domain.InputProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a participant input (roster, clinician facts, hardships, ACO profiles; deploy/README.md "Dataset format") as
 * CSV (RFC 4180 via Apache Commons CSV: a header row naming the columns in any order, {@code #} comment and blank
 * lines skipped, quoted fields) or as a JSON array of objects with the same field names. The header is checked
 * first (a missing required column rejects the input); then every row becomes its event or a {@link RowProblem}
 * with its line and a stable code, and good rows are kept whatever the bad ones. Never throws on bad input.
 */
public final class ParticipantRows {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9]+(\\.[0-9]+)?");

    private final ParticipantInput input;
    private final String source;
    private final List<ParsedEvent<?>> events = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();

    private ParticipantRows(ParticipantInput input, String source) {
        this.input = input;
        this.source = source;
    }

    /** Reads CSV text; {@code source} (a file name or {@code body}) names the input in every problem. */
    public static ParsedRows csv(ParticipantInput input, String source, String text) {
        ParticipantRows rows = new ParticipantRows(input, source);
        rows.readCsv(text.startsWith("\uFEFF") ? text.substring(1) : text);
        return rows.result();
    }

    /** Reads a JSON array of objects whose fields are the input's columns (values as strings, numbers, booleans). */
    public static ParsedRows json(ParticipantInput input, String source, String text) {
        ParticipantRows rows = new ParticipantRows(input, source);
        rows.readJson(text);
        return rows.result();
    }

    private ParsedRows result() {
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ParsedRows(events, problems);
    }

    private void readCsv(String text) {
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            int headerLine = header.isEmpty() ? 0 : firstContentLine(text);
            if (header.isEmpty()) {
                problem(0, InputProblem.CSV_MISSING_COLUMNS, "no header row");
                return;
            }
            if (!checkHeader(header, headerLine)) {
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            int lastLine = headerLine;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problem(nextContentLine(text, lastLine), InputProblem.CSV_MALFORMED,
                            "not CSV from here on (" + firstLine(e.getMessage()) + "); the rows after it are not read");
                    break;
                }
                int line = nextContentLine(text, lineOf(lineStarts, record.getCharacterPosition()) - 1);
                lastLine = line;
                if (record.size() != header.size()) {
                    problem(line, InputProblem.CSV_FIELD_COUNT, "expected " + header.size() + " fields, found " + record.size());
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), record.get(c).strip());
                }
                String formula = formulaColumn(fields);
                if (formula != null) {
                    problem(line, InputProblem.CSV_FORMULA, "column " + formula
                            + " starts like a spreadsheet formula (=, +, -, @); no acopi field does");
                    continue;
                }
                map(new Row(source, line, content(text, lineStarts[line - 1]), fields));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problem(firstContentLine(text), InputProblem.CSV_MALFORMED, "not CSV: " + firstLine(e.getMessage()));
        }
    }

    /**
     * The first column whose value a spreadsheet would run as a formula (CSV injection: the row would travel on to
     * exports and pages opened in spreadsheets), or null. A signed number is data, not a formula.
     */
    private static String formulaColumn(Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String value = field.getValue();
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !SIGNED_NUMBER.matcher(value).matches()) {
                return field.getKey();
            }
        }
        return null;
    }

    private boolean checkHeader(List<String> header, int headerLine) {
        List<String> missing = input.required().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            problem(headerLine, InputProblem.CSV_MISSING_COLUMNS, "header lacks column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(",", input.required()));
            return false;
        }
        for (String column : header) {
            if (!input.required().contains(column) && !input.optional().contains(column)) {
                problem(headerLine, InputProblem.CSV_UNKNOWN_COLUMN, "unknown column '" + column + "' ignored");
            }
        }
        return true;
    }

    private void readJson(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problem(1, InputProblem.INVALID_JSON, "send a JSON array of " + input.segment() + " objects");
                return;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = JSON.readTree(parser);
                if (!node.isObject()) {
                    problem(line, InputProblem.INVALID_JSON, "each element must be an object");
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                node.properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
                map(new Row(source, line, JSON.writeValueAsString(node), fields));
            }
            if (parser.nextToken() != null) {
                problem(parser.currentTokenLocation().getLineNr(), InputProblem.INVALID_JSON, "content after the array");
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problem(line, InputProblem.INVALID_JSON, "not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString()));
            return String.join(";", items);
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private void map(Row row) {
        try {
            events.add(input.map(row));
        } catch (BadRow e) {
            problem(row.line(), e.code(), e.getMessage());
        }
    }

    private void problem(int line, String code, String reason) {
        problems.add(new RowProblem(source, line, code, reason));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of a character position. */
    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static int firstContentLine(String text) {
        return nextContentLine(text, 0);
    }

    /** The first line after {@code after} that is neither blank nor a comment (0 when there is none). */
    private static int nextContentLine(String text, int after) {
        String[] lines = text.split("\n", -1);
        for (int i = after; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String content(String text, int start) {
        int end = text.indexOf('\n', start);
        return (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
