package com.pagingetl.jobs.systax;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The two update pointers of one process (one run): the pointer every request sends, fixed when the run
 * first started, and the pointer of the process's first response, which becomes the next process's pointer
 * once this run is published. Systax asks for the FIRST pointer, not the last: rules may change while the
 * process reads, and those changes must come in the next process.
 *
 * <h2>Restart contract</h2>
 * {@link #update} saves {@value #SENT_KEY} and {@value #FIRST_KEY} in the step's ExecutionContext, so the
 * first pointer is committed with the step's first chunk. {@link #open} restores it, and from then on the
 * responses of a restarted process never replace it. If the process dies before its first commit nothing
 * was written, so the restart's first response rightly becomes the first pointer.
 *
 * <p>Not thread-safe: one instance per step execution, used by its reader thread.
 */
final class ProcessPointer implements ItemStream {

    static final String SENT_KEY = "process.pointerSent";
    static final String FIRST_KEY = "process.firstPointer";

    private static final Logger log = LoggerFactory.getLogger(ProcessPointer.class);

    private final String sent;
    private String first;

    /** @param sent the pointer all requests of this process send; empty for a full load */
    ProcessPointer(String sent) {
        this.sent = sent == null ? "" : sent;
    }

    String sent() {
        return sent;
    }

    /** The first response's pointer; null until the first response of the process arrived. */
    String first() {
        return first;
    }

    /** Called with every response's pointer; keeps the first one only. */
    void offer(String responsePointer) {
        if (first != null) {
            return;
        }
        first = responsePointer == null ? "" : responsePointer;
        if (first.isEmpty()) {
            log.warn("systaxRules: the first response carries no ponteiro_atualizacao; the next process will send"
                    + " this process's pointer '{}' again", sent);
        } else {
            log.info("systaxRules: process sends pointer '{}'; its first response's pointer '{}' is kept for the next process",
                    sent, first);
        }
    }

    @Override
    public void open(ExecutionContext context) {
        first = context.containsKey(FIRST_KEY) ? context.getString(FIRST_KEY) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(SENT_KEY, sent);
        if (first != null) {
            context.putString(FIRST_KEY, first);
        }
    }

    /**
     * The pointer the next process must send, from a completed extract step's context: the first response's
     * pointer, or the pointer this process sent when the API gave none (so nothing is skipped).
     */
    static String saved(ExecutionContext stepContext) {
        String first = stepContext.containsKey(FIRST_KEY) ? stepContext.getString(FIRST_KEY) : "";
        return first.isBlank() ? sent(stepContext) : first;
    }

    static String sent(ExecutionContext stepContext) {
        return stepContext.containsKey(SENT_KEY) ? stepContext.getString(SENT_KEY) : "";
    }
}
