package com.pagingetl.launch;

/**
 * The run's parameters select nothing the API knows (a démarche number it does not have), which only the API's
 * answer could tell. Running the same command again cannot help, so the launcher exits with
 * {@link ExitCodes#USAGE}; the message names the parameter, its value and the API's words.
 */
public class NothingSelectedException extends RuntimeException {

    public NothingSelectedException(String message) {
        super(message);
    }
}
