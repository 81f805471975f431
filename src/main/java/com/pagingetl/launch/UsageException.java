package com.pagingetl.launch;

/** Bad usage or configuration, detected before anything starts; the message names the option or property. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
