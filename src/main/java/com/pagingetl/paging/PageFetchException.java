package com.pagingetl.paging;

import com.pagingetl.http.Secrets;

/**
 * A page could not be fetched; the message names the reader, the page number and the position. Message and
 * causes pass through {@link Secrets}, since they often carry the server's words.
 */
public class PageFetchException extends RuntimeException {

    public PageFetchException(String message, Throwable cause) {
        super(Secrets.redact(message), Secrets.scrub(cause));
    }
}
