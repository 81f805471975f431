package com.pagingetl.output;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * The run's files cannot be used as they are: a part file changed or vanished outside the job, the assembled
 * output does not decompress, or the output directory cannot be written. Running the same command again
 * cannot help, so the launcher exits with code 2 and says what to do instead: abandon the run when its
 * committed bytes are gone ({@link #abandonRun()}), otherwise fix the cause and run the command again.
 */
public class UnusableOutputException extends ItemStreamException {

    private final boolean abandonRun;

    public UnusableOutputException(String message, boolean abandonRun, Throwable cause) {
        super(message, cause);
        this.abandonRun = abandonRun;
    }

    /** True when the run's committed output is lost and only a fresh run ({@code --abandon}) can recover. */
    public boolean abandonRun() {
        return abandonRun;
    }
}
