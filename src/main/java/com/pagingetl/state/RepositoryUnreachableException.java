package com.pagingetl.state;

/**
 * The job repository was lost while a run executed. Its message names the repository (without password), the
 * driver's cause and what each step had committed last, so that the launcher's one line says where the run
 * stands; the same command resumes from there once the database is back.
 */
public class RepositoryUnreachableException extends RuntimeException {

    public RepositoryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
