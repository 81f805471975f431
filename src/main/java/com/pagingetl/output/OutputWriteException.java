package com.pagingetl.output;

import java.io.IOException;

/**
 * Writing an output file failed (the disk is full, an I/O error): the message names the file, what was being
 * written and what its last commit holds. Unlike an {@link UnusableOutputException}, nothing committed is lost,
 * so the same command resumes once the cause is fixed.
 */
public class OutputWriteException extends IOException {

    public OutputWriteException(String message, IOException cause) {
        super(message, cause);
    }
}
