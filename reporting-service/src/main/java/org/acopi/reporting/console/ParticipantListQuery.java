package org.acopi.reporting.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.acopi.reporting.participants.CountingRules;
import org.acopi.reporting.participants.EligibilityPart;
import org.acopi.reporting.participants.Participant;
import org.acopi.reporting.participants.ScorePart;
import org.acopi.reporting.participants.StatusFilter;
import org.acopi.reporting.web.OperationsExports;

/**
 * What the console's participant list of an ACO and PY shows: a public-reporting status (docs/pi-rules.md §8; by default
 * the TIN/NPIs required to report PI and not scored, the at-risk list of 42 CFR 425.507), one TIN or all, a search
 * text, an order and a page. The same selection, every page at once, is the console's CSV download.
 */
record ParticipantListQuery(StatusFilter status, String search, String tin, Sort sort, int page) {

    static final int PAGE_SIZE = 25;
    static final StatusFilter DEFAULT_STATUS = StatusFilter.REQUIRED_NOT_SCORED;
    private static final int MAX_SEARCH = 100;
    private static final int MAX_PAGE = 100_000;

    /** The orders the list can be shown in. */
    enum Sort {
        TIN("TIN, then NPI"),
        NPI("NPI"),
        REASON("deciding reason"),
        TYPE("clinician type"),
        SCORE("final score, highest first");

        final String label;

        Sort(String label) {
            this.label = label;
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One page of the selection, and how many rows the whole selection has. */
    record Page(List<Participant> rows, int total, int page, int pages) {
    }

    /** The query of the request parameters, or why they are wrong (a 400). */
    static Either parse(String status, String search, String tin, String sort, String page) {
        Optional<StatusFilter> filter = blank(status) ? Optional.of(DEFAULT_STATUS) : StatusFilter.parse(status);
        if (filter.isEmpty()) {
            return Either.problem("status must be one of " + String.join(", ", StatusFilter.names()));
        }
        String text = blank(search) ? "" : search.strip();
        if (text.length() > MAX_SEARCH) {
            return Either.problem("the search text must be at most " + MAX_SEARCH + " characters");
        }
        String tinRef = blank(tin) ? "" : tin.strip();
        if (!tinRef.isEmpty() && (tinRef.length() > 9 || !tinRef.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return Either.problem("tin must be the last four digits of a TIN (or the whole TIN where full TINs are shown)");
        }
        Optional<Sort> order = blank(sort) ? Optional.of(Sort.TIN)
                : Arrays.stream(Sort.values()).filter(s -> s.name().equalsIgnoreCase(sort.strip())).findFirst();
        if (order.isEmpty()) {
            return Either.problem("sort must be one of " + Arrays.stream(Sort.values()).map(Sort::param).toList());
        }
        int number = 1;
        if (!blank(page)) {
            String p = page.strip();
            if (p.length() > 6 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) < 1
                    || Integer.parseInt(p) > MAX_PAGE) {
                return Either.problem("page must be a whole number from 1 to " + MAX_PAGE);
            }
            number = Integer.parseInt(p);
        }
        return new Either(new ParticipantListQuery(filter.get(), text, tinRef, order.get(), number), null);
    }

    /** A parsed query, or the message of a 400. */
    record Either(ParticipantListQuery query, String problem) {
        static Either problem(String message) {
            return new Either(null, message);
        }
    }

    /** Every participant the query selects, in its order. */
    List<Participant> select(List<Participant> participants, boolean showFullTin) {
        String needle = search.toLowerCase(Locale.ROOT);
        List<Participant> selected = new ArrayList<>();
        for (Participant p : participants) {
            CountingRules rules = CountingRules.forYear(p.performanceYear());
            if (!status.test(p.status(rules))) {
                continue;
            }
            if (!tin.isEmpty() && !TinRefs.matches(p.tin(), tin, showFullTin)) {
                continue;
            }
            if (!needle.isEmpty() && !haystack(p, showFullTin).contains(needle)) {
                continue;
            }
            selected.add(p);
        }
        selected.sort(comparator());
        return selected;
    }

    /** The query's page of the selection; a page past the last shows the last. */
    Page page(List<Participant> selected) {
        int pages = Math.max(1, (selected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(page, pages);
        int from = (shown - 1) * PAGE_SIZE;
        return new Page(selected.subList(from, Math.min(selected.size(), from + PAGE_SIZE)), selected.size(), shown, pages);
    }

    /** The query string of this selection on another page (URL-encoded; HTML-escape it when writing it into a page). */
    String queryString(int pageNumber) {
        StringBuilder q = new StringBuilder("status=").append(status.name().toLowerCase(Locale.ROOT));
        if (!tin.isEmpty()) {
            q.append("&tin=").append(encode(tin));
        }
        if (!search.isEmpty()) {
            q.append("&q=").append(encode(search));
        }
        q.append("&sort=").append(sort.param());
        if (pageNumber > 1) {
            q.append("&page=").append(pageNumber);
        }
        return q.toString();
    }

    /** The selection's query string without a page, for the CSV download of every page. */
    String selectionQueryString() {
        return queryString(1);
    }

    private static String haystack(Participant p, boolean showFullTin) {
        EligibilityPart e = p.eligibility();
        return String.join(" ", p.npi(), TinRefs.display(p.tin(), showFullTin),
                e == null ? "" : String.join(" ", e.reasonCodes()),
                e == null || e.clinicianType() == null ? "" : e.clinicianType(),
                OperationsExports.explanation(p)).toLowerCase(Locale.ROOT);
    }

    private Comparator<Participant> comparator() {
        Comparator<Participant> byTinNpi = Comparator.comparing(Participant::tin).thenComparing(Participant::npi);
        return switch (sort) {
            case TIN -> byTinNpi;
            case NPI -> Comparator.comparing(Participant::npi).thenComparing(Participant::tin);
            case REASON -> Comparator.comparing(ParticipantListQuery::reason).thenComparing(byTinNpi);
            case TYPE -> Comparator.comparing(ParticipantListQuery::clinicianType).thenComparing(byTinNpi);
            case SCORE -> Comparator.comparing(ParticipantListQuery::score, Comparator.reverseOrder()).thenComparing(byTinNpi);
        };
    }

    private static String reason(Participant p) {
        return p.eligibility() == null ? "" : p.eligibility().decidingReason();
    }

    private static String clinicianType(Participant p) {
        return p.eligibility() == null || p.eligibility().clinicianType() == null ? "" : p.eligibility().clinicianType();
    }

    /** The final score; -1 when there is none, so unscored clinicians come last. */
    private static double score(Participant p) {
        ScorePart s = p.score();
        return s == null || !s.active() || !s.scored() || s.finalScore() == null ? -1 : s.finalScore();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
