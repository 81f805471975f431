package com.pagingetl.jobs.demarches;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.launch.NothingSelectedException;
import com.pagingetl.paging.JsonFormatException;
import com.pagingetl.paging.JsonRecords;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PaginationStrategy;

/**
 * The official incremental sync of one connection of a démarche: a fixed lower bound ({@code updatedSince}
 * or {@code deletedSince}), pages of {@code first} (at most 100) and {@code after = endCursor} while
 * {@code hasNextPage}. Records are the {@code edges[].node}s exactly as the API wrote them; each edge's own
 * cursor makes {@link Page#resumeAfter} exact, so a restart continues right after the last record written
 * even if the page changed meanwhile.
 *
 * <p>Refuses to loop: a page that claims a next page without a cursor, or whose cursor does not move
 * forward, ends the run with an error. A {@code timeout} error asks the same page again with half the
 * {@code first} (down to 1); after a success the size doubles back towards the configured one. Every
 * other GraphQL error is fatal. The page size in use is a hint kept between fetches, not a position:
 * any token can be fetched again by a fresh instance. Thread-safe.
 */
final class ConnectionPagination implements PaginationStrategy<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPagination.class);
    /** Attempts of one page at {@code first = 1} before a timeout is fatal. */
    private static final int ATTEMPTS_AT_ONE = 3;

    private final DemarchesApi api;
    private final QueryDocument document;
    private final Connection connection;
    private final int demarche;
    private final String since;
    private final String startCursor;
    private final int maxFirst;
    private final String description;
    private final AtomicInteger first;

    /**
     * @param since       the démarche's fixed lower bound, sent as {@code updatedSince} or {@code deletedSince}
     * @param startCursor the watermark to continue after, or null to start from the first page
     * @param maxFirst    page size, 1..100
     */
    ConnectionPagination(DemarchesApi api, QueryDocument document, Connection connection, int demarche, String since,
                         String startCursor, int maxFirst) {
        if (maxFirst < 1 || maxFirst > 100) {
            throw new IllegalArgumentException("first must be between 1 and 100, was " + maxFirst);
        }
        this.api = api;
        this.document = document;
        this.connection = connection;
        this.demarche = demarche;
        this.since = since;
        this.startCursor = startCursor;
        this.maxFirst = maxFirst;
        this.first = new AtomicInteger(maxFirst);
        this.description = connection.field + " of démarche " + demarche;
    }

    @Override
    public PageToken firstPage() {
        return Cursors.token(startCursor);
    }

    @Override
    public Page<byte[]> fetch(PageToken token) {
        String after = Cursors.cursor(token);
        int size = first.get();
        int attemptsAtOne = 0;
        while (true) {
            GraphqlAnswer answer = api.query(document.text(), connection.operation, variables(size, after),
                    "POST " + connection.operation + " first=" + size + " " + Cursors.describe(after));
            if (answer.timedOut()) {
                if (size == 1 && ++attemptsAtOne >= ATTEMPTS_AT_ONE) {
                    throw new ApiCallException(description + " timed out even with first=1 (" + attemptsAtOne
                            + " attempts): " + answer.describeErrors());
                }
                int smaller = Math.max(1, size / 2);
                log.warn("{}: the API timed out on a page of {} ({}); asking the same page with first={}", description, size,
                        answer.describeErrors(), smaller);
                size = smaller;
                continue;
            }
            if (answer.notFound("demarche")) {
                throw new NothingSelectedException("demarche=" + demarche + " selects nothing: " + answer.describeErrors());
            }
            if (!answer.errors().isEmpty()) {
                throw new ApiCallException(answer.describeErrors());
            }
            Page<byte[]> page = page(answer, after);
            first.set(Math.min(maxFirst, size * 2));
            return page;
        }
    }

    private Map<String, Object> variables(int size, String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("demarcheNumber", demarche);
        variables.put("first", size);
        if (after != null) {
            variables.put("after", after);
        }
        variables.put(connection.sinceVariable, since);
        return variables;
    }

    private Page<byte[]> page(GraphqlAnswer answer, String after) {
        JsonRecords.Connection conn;
        try {
            conn = JsonRecords.connection(answer.body(), connection.path());
        } catch (JsonFormatException e) {
            throw new ApiCallException("the edges of " + description + " cannot be read: " + e.getMessage(), e);
        }
        if (conn == null) {
            throw new ApiCallException("the answer has no " + connection.path().substring(1).replace('/', '.')
                    + " and no error: " + PaginationStrategy.abbreviate(new String(answer.body(), StandardCharsets.UTF_8)));
        }
        boolean hasNextPage = conn.hasNextPage();
        String endCursor = conn.endCursor() == null || conn.endCursor().isBlank() ? null : conn.endCursor();
        List<byte[]> nodes = conn.nodes();
        List<String> cursors = conn.cursors();
        for (int i = 0; i < nodes.size(); i++) {
            if (cursors.get(i) == null || cursors.get(i).isBlank()) {
                throw new ApiCallException("edge " + i + " of " + description + " has no cursor");
            }
            if (isNull(nodes.get(i))) {
                throw new ApiCallException("edge " + i + " of " + description + " (" + Cursors.describe(cursors.get(i))
                        + ") has a null node");
            }
        }
        PageToken next = null;
        if (hasNextPage) {
            if (endCursor == null) {
                throw new ApiCallException("the page " + Cursors.describe(after) + " of " + description
                        + " says hasNextPage but gives no endCursor; stopping rather than reading the same page again");
            }
            if (endCursor.equals(after) || (after != null && Cursors.notAfter(endCursor, after))) {
                throw new ApiCallException("the cursor of " + description + " did not advance: the page "
                        + Cursors.describe(after) + " says hasNextPage with endCursor " + Cursors.describe(endCursor)
                        + "; stopping rather than looping");
            }
            next = Cursors.token(endCursor);
        }
        // An empty page has a null endCursor: the position stays where it was, never reset to the start.
        return Page.of(nodes, next).withResumeAfter(i -> Cursors.token(cursors.get(i)));
    }

    private static boolean isNull(byte[] node) {
        return node.length == 4 && node[0] == 'n';
    }

    @Override
    public String describe(PageToken token) {
        return Cursors.describe(Cursors.cursor(token));
    }
}
