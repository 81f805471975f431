package com.pagingetl.jobs.tdg;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.launch.NothingSelectedException;
import com.pagingetl.paging.JsonRecords;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PaginationStrategy;

/**
 * TDG's keyset paging: {@code first}/{@code after} with the {@code cursor} of the last object; the end is an
 * empty list. Every object's cursor resumes right after it ({@link Page#resumeAfter}), so a restart continues
 * exactly after the last object written.
 *
 * <p>When the grid answers a hard-limit error (scanned or returned rows), the same position is asked again
 * with half the {@code first}, down to 1; a page of one that still fails ends the run with the grid's message.
 * A reduced size is kept for {@value #GROW_AFTER} pages, then doubled again up to the maximum, so one dense
 * stretch of history does not slow the whole run.
 *
 * <p>Other code-500 errors of the grid's envelope are asked again up to {@value #GRAPHQL_ATTEMPTS} times, since
 * a storage may fail for a moment and reads are repeatable; code 400 (validation) and known permanent
 * errors end the read at once.
 *
 * <p>Token: {@code <first>|<pages at that size>|<cursor>} (the cursor is empty for the first page). Every
 * object's version is checked against the pinned version: a newer one means the grid ignored the snapshot.
 * Stateless and thread-safe.
 */
final class TdgPagination implements PaginationStrategy<byte[]> {

    static final int GROW_AFTER = 8;
    /** Attempts of a read that the grid failed with a server-side error (code 500 that is not a known permanent one). */
    static final int GRAPHQL_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(TdgPagination.class);

    private final TdgApi api;
    private final TdgQuery query;
    private final int maxFirst;
    private final String what;

    TdgPagination(TdgApi api, TdgQuery query, int maxFirst, String what) {
        this.api = api;
        this.query = query;
        this.maxFirst = maxFirst;
        this.what = what;
    }

    @Override
    public PageToken firstPage() {
        return token(maxFirst, 0, null);
    }

    @Override
    public Page<byte[]> fetch(PageToken token) {
        String[] parts = token.value().split("\\|", 3);
        int first = Math.min(maxFirst, Integer.parseInt(parts[0]));
        int streak = Integer.parseInt(parts[1]);
        String after = parts[2].isEmpty() ? null : parts[2];

        TdgApi.Answer answer;
        int failures = 0;
        while (true) {
            try {
                answer = api.query(query.document(first, after), "/data/" + query.type(), "read of " + what + " (first=" + first
                        + (after == null ? "" : " after " + PaginationStrategy.abbreviate(after)) + ")");
                break;
            } catch (TdgGraphqlException e) {
                if (selectsNothing(e, query.type())) {
                    throw new NothingSelectedException("type=" + query.type() + " selects nothing: " + e.getMessage());
                }
                if (!e.isHardLimit()) {
                    if (!mayBeTransient(e) || ++failures >= GRAPHQL_ATTEMPTS) {
                        throw e;
                    }
                    log.warn("{}: {}; asking again ({}/{})", what, e.getMessage(), failures + 1, GRAPHQL_ATTEMPTS);
                    pause(failures);
                    continue;
                }
                if (first == 1) {
                    throw new ApiCallException("read of " + what + " at " + describe(token)
                            + " failed: the grid's hard limit is reached even for a page of one object: "
                            + e.gridMessage(), e);
                }
                int smaller = Math.max(1, first / 2);
                log.warn("{}: the grid's hard limit stopped a page of {} at {} ({}); asking the same position for {}",
                        what, first, after == null ? "the start" : "cursor " + PaginationStrategy.abbreviate(after),
                        clip(e.gridMessage()), smaller);
                first = smaller;
                streak = 0;
            }
        }
        return page(answer, first, streak, after);
    }

    private Page<byte[]> page(TdgApi.Answer answer, int first, int streak, String after) {
        List<byte[]> records = answer.list();
        if (records == null) {
            throw noList(describeList(answer));
        }
        if (records.isEmpty()) {
            return Page.of(List.of(), null);
        }
        List<String> cursors = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            byte[] object = records.get(i);
            // One pass over the object for both: they are its last members.
            JsonRecords.Member[] members = object[0] == '{' ? JsonRecords.membersNamed(object, "cursor", "version")
                    : new JsonRecords.Member[2];
            JsonRecords.Member cursor = members[0];
            if (cursor == null || cursor.kind() != '"' || cursor.text().isEmpty()) {
                throw new ApiCallException("read of " + what + " failed: object " + (i + 1) + " of the page has no cursor");
            }
            String version;
            try {
                version = TdgVersion.ofMember(members[1]);
            } catch (IllegalArgumentException e) {
                throw new ApiCallException("read of " + what + " failed: object " + (i + 1) + " of the page: " + e.getMessage());
            }
            if (TdgVersion.compare(version, query.version()) > 0) {
                throw new ApiCallException("read of " + what + " failed: the grid returned version " + version
                        + ", newer than the run's version " + query.version() + "; it did not honour the version argument");
            }
            cursors.add(cursor.text());
        }
        String last = cursors.get(cursors.size() - 1);
        if (last.equals(after)) {
            throw new ApiCallException("read of " + what + " failed: the cursor does not advance (the page after "
                    + PaginationStrategy.abbreviate(after) + " ends with the same cursor)");
        }
        int nextFirst = first;
        int nextStreak = streak + 1;
        if (first < maxFirst && nextStreak >= GROW_AFTER) {
            nextFirst = Math.min(maxFirst, first * 2);
            nextStreak = 0;
        }
        int size = nextFirst;
        int count = nextStreak;
        return Page.of(records, token(size, count, last))
                .withResumeAfter(i -> token(size, count, cursors.get(i)));
    }

    private ApiCallException noList(String found) {
        return new ApiCallException("read of " + what + " failed: the answer has no list data." + query.type()
                + " (found " + found + ")");
    }

    /** What {@code data.<type>} of an answer is: "an array", "nothing", "null", "an object"... */
    private String describeList(TdgApi.Answer answer) {
        JsonRecords.Member list = JsonRecords.find(JsonRecords.members(answer.body(), "/data"), query.type());
        if (list == null) {
            return "nothing";
        }
        return switch (list.kind()) {
            case '[' -> "an array";
            case '{' -> "an object";
            case 'n' -> "null";
            default -> "the value " + list.text();
        };
    }

    /**
     * A code-500 error from a storage (a timeout, a lost connection between router and storage) may pass
     * on a second try; reads are repeatable. Validation errors (400), bad cursors and unknown types are not.
     */
    static boolean mayBeTransient(TdgGraphqlException e) {
        String m = e.gridMessage();
        return e.code() >= 500 && !m.startsWith("Failed to decode cursor") && !m.startsWith("Type \"")
                && !m.contains("Impossible to filter");
    }

    /**
     * The grid does not have {@code type}: its resolver says {@code Type "X" not found}, or the query's validation
     * finds no such root field ({@code Field 'X' in type 'Query' is undefined}, {@code ... not defined ...}).
     * Running the same command again cannot help.
     */
    static boolean selectsNothing(TdgGraphqlException e, String type) {
        String m = e.gridMessage();
        if (m.startsWith("Type \"" + type + "\" not found")) {
            return true;
        }
        boolean namesType = m.contains("'" + type + "'") || m.contains("\"" + type + "\"");
        return e.code() == 400 && namesType && (m.contains("undefined") || m.contains("not defined"));
    }

    /** The start of a grid message, which names the limit; its query plan can be long. */
    private static String clip(String message) {
        return message.length() <= 100 ? message : message.substring(0, 100) + "...";
    }

    private static void pause(int failures) {
        try {
            Thread.sleep(200L * failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException("interrupted while waiting to read again", e);
        }
    }

    static PageToken token(int first, int streak, String cursor) {
        return PageToken.of(first + "|" + streak + "|" + (cursor == null ? "" : cursor));
    }

    /** The cursor alone: the page size and its streak change from page to page at the same position. */
    @Override
    public String position(PageToken token) {
        return token.value().split("\\|", 3)[2];
    }

    @Override
    public String describe(PageToken token) {
        String[] parts = token.value().split("\\|", 3);
        return parts[2].isEmpty() ? "the first page (first=" + parts[0] + ")"
                : "cursor " + PaginationStrategy.abbreviate(parts[2]) + " (first=" + parts[0] + ")";
    }
}
