package com.pagingetl.jobs.demarches;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.batch.RunStartListener;
import com.pagingetl.output.PublishTasklet;

/**
 * Fixes, when a run first starts, what it reads from: the démarche's {@code updatedSince} (the stored one;
 * the parameter only on a first run or with {@code fullResync=true}) and the cursor each connection
 * continues after (the stored watermarks, none on a full resync). Runs after {@link RunStartListener},
 * whose {@code watermark.before.*} it reads; every restart of the run inherits the values.
 *
 * <p>Job ExecutionContext keys: {@value #UPDATED_SINCE}, {@value #START_PREFIX}{@code <connection>} (a
 * cursor, or empty for the first page), and {@code manifest.updatedSince}, {@code manifest.fullResync}.
 */
final class DemarchesRunSetup implements JobExecutionListener {

    static final String UPDATED_SINCE = "demarches.updatedSince";
    static final String START_PREFIX = "demarches.start.";
    static final String WATERMARK_UPDATED_SINCE = "updatedSince";

    private static final Logger log = LoggerFactory.getLogger(DemarchesRunSetup.class);

    private final JobRepository repository;

    DemarchesRunSetup(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        if (context.containsKey(UPDATED_SINCE)) {
            return;
        }
        DemarchesParameters params = DemarchesParameters.of(execution.getJobParameters());
        String stored = blankToNull(RunStartListener.before(context, WATERMARK_UPDATED_SINCE));
        String since;
        boolean continuing = stored != null && !params.fullResync();
        if (continuing) {
            since = stored;
            if (params.updatedSince() != null && !params.updatedSince().equals(stored)) {
                log.warn("updatedSince={} is ignored: démarche {} keeps updatedSince={} from its first run, since its cursors"
                        + " only make sense with it; pass fullResync=true to start over from a new updatedSince",
                        params.updatedSince(), params.demarche(), stored);
                context.putString(PublishTasklet.MANIFEST_EXTRA + "ignoredUpdatedSince", params.updatedSince());
            }
        } else {
            since = params.updatedSince() != null ? params.updatedSince() : DemarchesParameters.DEFAULT_UPDATED_SINCE;
        }
        context.putString(UPDATED_SINCE, since);
        for (Connection c : Connection.values()) {
            String cursor = continuing ? blankToNull(RunStartListener.before(context, c.watermark())) : null;
            context.putString(START_PREFIX + c.field, cursor == null ? "" : cursor);
        }
        context.putString(PublishTasklet.MANIFEST_EXTRA + "updatedSince", since);
        context.putString(PublishTasklet.MANIFEST_EXTRA + "fullResync", Boolean.toString(params.fullResync()));
        repository.updateExecutionContext(execution);
    }

    /** The cursor a connection starts after in this run, or null for its first page. */
    static String startCursor(ExecutionContext jobContext, Connection connection) {
        return blankToNull(jobContext.containsKey(START_PREFIX + connection.field)
                ? jobContext.getString(START_PREFIX + connection.field) : null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
