package com.pagingetl.output;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Read access to what a run has committed so far, across all its executions: a step that completed in
 * an earlier execution is found through the job repository, not in the current execution's steps.
 */
public record RunView(JobExecution execution, JobRepository repository) {

    public ExecutionContext jobContext() {
        return execution.getExecutionContext();
    }

    /** The last execution of {@code stepName} in this job instance; fails if that step never completed. */
    public StepExecution completedStep(String stepName) {
        StepExecution step = repository.getLastStepExecution(execution.getJobInstance(), stepName);
        if (step == null || !step.getStatus().name().equals("COMPLETED")) {
            throw new IllegalStateException("step " + stepName + " of " + execution.getJobInstance().getJobName()
                    + " has not completed (" + (step == null ? "never ran" : step.getStatus()) + ")");
        }
        return step;
    }

    public ExecutionContext stepContext(String stepName) {
        return completedStep(stepName).getExecutionContext();
    }

    public String jobParameter(String name) {
        Object value = execution.getJobParameters().getParameter(name) == null ? null
                : execution.getJobParameters().getParameter(name).value();
        return value == null ? null : value.toString();
    }
}
