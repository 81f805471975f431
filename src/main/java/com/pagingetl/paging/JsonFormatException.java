package com.pagingetl.paging;

/** A page body that is not the JSON it should be; the message names the byte offset and what was expected. */
public class JsonFormatException extends IllegalArgumentException {

    public JsonFormatException(String message) {
        super(message);
    }
}
