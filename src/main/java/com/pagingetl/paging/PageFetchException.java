package com.pagingetl.paging;

/** A page could not be fetched; the message names the reader, the page number and the position. */
public class PageFetchException extends RuntimeException {

    public PageFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
