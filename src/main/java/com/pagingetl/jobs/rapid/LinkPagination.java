package com.pagingetl.jobs.rapid;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiResponse;
import com.pagingetl.http.LinkHeader;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PaginationStrategy;
import com.pagingetl.paging.RestartFromFirstPageException;
import com.pagingetl.paging.JsonFormatException;
import com.pagingetl.paging.JsonRecords;

/**
 * Rapid's paging: the first page is the query's URL; every following page is the {@code Link: <...>;
 * rel="next"; expires=...} URL of the previous one, followed unmodified until a page has no Link.
 *
 * <p>A token is {@code first} or {@code <expires>|<next URL>}. A link past its {@code expires} (less a
 * safety margin) is not even tried: {@link #fetch} throws {@link RestartFromFirstPageException}, as it
 * does for a 410 {@code link.expired} and for a saved link whose origin is no longer the configured one,
 * so the reader starts the slice over. A Link header in an answer that points to another scheme, host or
 * port is refused as an error, since signed credentials must go nowhere else. Stateless and thread-safe.
 */
final class LinkPagination implements PaginationStrategy<byte[]> {

    /** How records sit in a page body. */
    enum Body { OBJECT_BY_ID, ARRAY }

    private static final String FIRST = "first";

    private final RapidApi api;
    private final URI firstPage;
    private final Body body;
    private final String slice;
    private final Clock clock;
    private final Duration safetyMargin;

    LinkPagination(RapidApi api, URI firstPage, Body body, String slice, Clock clock, Duration safetyMargin) {
        this.api = api;
        this.firstPage = firstPage;
        this.body = body;
        this.slice = slice;
        this.clock = clock;
        this.safetyMargin = safetyMargin;
    }

    @Override
    public PageToken firstPage() {
        return PageToken.of(FIRST);
    }

    @Override
    public Page<byte[]> fetch(PageToken token) {
        URI uri = firstPage;
        if (!FIRST.equals(token.value())) {
            int bar = token.value().indexOf('|');
            String expires = token.value().substring(0, bar);
            uri = URI.create(token.value().substring(bar + 1));
            if (!api.isApiOrigin(uri)) {
                // A link saved before the base URL changed (a restart against another origin, or a fresh
                // --simulate server): it cannot be followed with these credentials, so the slice starts over.
                throw new RestartFromFirstPageException("the saved next link of " + slice + " points to " + originOf(uri)
                        + ", no longer the configured API origin " + api.origin());
            }
            if (!expires.isEmpty() && !clock.instant().isBefore(Instant.parse(expires).minus(safetyMargin))) {
                throw new RestartFromFirstPageException("the next link of " + slice + " expired at " + expires);
            }
        }
        ApiResponse response = api.get(uri, "GET " + describe(token) + " of " + slice);
        Page<byte[]> page;
        try {
            page = body == Body.ARRAY ? inactivePage(response) : contentPage(response);
        } catch (IllegalArgumentException e) {
            throw new ApiCallException("page of " + slice + " is not valid JSON of the expected shape: " + e.getMessage(), e);
        }
        Optional<String> total = response.header("Pagination-Total-Results");
        if (total.isPresent()) {
            try {
                page = page.withTotal(Long.parseLong(total.get().trim()));
            } catch (NumberFormatException ignored) {
                // The total only feeds progress; a bad one is not worth failing for.
            }
        }
        return page;
    }

    /** Properties keyed by id: the member names are the records' identities. */
    private Page<byte[]> contentPage(ApiResponse response) {
        JsonRecords.Members members = JsonRecords.objectMembers(response.body(), "");
        return Page.of(members.values(), next(response)).withKeys(members.names()::get);
    }

    /** {@code [{"property_id":"12345"},...]}: each element's property id is its identity. */
    private Page<byte[]> inactivePage(ApiResponse response) {
        List<byte[]> records = JsonRecords.arrayElements(response.body(), "");
        List<String> ids = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonRecords.Member id = records.get(i)[0] == '{' ? JsonRecords.member(records.get(i), "property_id") : null;
            if (id == null || id.text() == null) {
                throw new JsonFormatException("element " + i + " has no property_id");
            }
            ids.add(id.text());
        }
        return Page.of(records, next(response)).withKeys(ids::get);
    }

    private PageToken next(ApiResponse response) {
        List<String> values = response.headers().allValues("Link");
        if (values.isEmpty()) {
            return null;
        }
        Optional<LinkHeader.Link> next;
        try {
            next = LinkHeader.find(values, "next");
        } catch (IllegalArgumentException e) {
            throw new ApiCallException("Link header of " + slice + " cannot be followed: " + e.getMessage());
        }
        if (next.isEmpty()) {
            return null;
        }
        URI uri = next.get().uri();
        if (!api.isApiOrigin(uri)) {
            throw new ApiCallException("next link of " + slice + " points to " + originOf(uri)
                    + ", not to the API origin " + api.origin() + "; refused so that signed credentials go nowhere else");
        }
        String expires = next.get().param("expires").orElse("");
        if (!expires.isEmpty()) {
            try {
                Instant.parse(expires);
            } catch (DateTimeParseException e) {
                throw new ApiCallException("Link header of " + slice + " has an unreadable expires '" + expires + "'");
            }
        }
        return PageToken.of(expires + "|" + uri);
    }

    private static String originOf(URI uri) {
        return (uri.getScheme() == null ? "?" : uri.getScheme()) + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /**
     * The URL a token asks for, without the {@code expires} that may differ each time the server hands out the
     * same position; the first page is its query URL, so a link back to it counts as a cycle too.
     */
    @Override
    public String position(PageToken token) {
        String value = token.value();
        return FIRST.equals(value) ? firstPage.toString() : value.substring(value.indexOf('|') + 1);
    }

    @Override
    public String describe(PageToken token) {
        if (FIRST.equals(token.value())) {
            return "first page";
        }
        String expires = token.value().substring(0, token.value().indexOf('|'));
        return "next link" + (expires.isEmpty() ? "" : " (expires " + expires + ")");
    }
}
