package com.pagingetl.remote;

import com.pagingetl.EtlApplication;

/**
 * The main class of a worker JVM that ends ({@code Runtime.halt}: no shutdown hook, no rollback sent, like
 * {@code kill -9}) right after taking its first partition request, before writing the partition's lease.
 */
public final class HaltAfterTakeWorker {

    /** The worker's exit code when it halted at the fault point. */
    public static final int HALTED = 86;

    private HaltAfterTakeWorker() {
    }

    public static void main(String[] args) {
        PartitionWorker.afterTake = request -> {
            System.out.println("halting after taking step execution " + request.getStepExecutionId());
            System.out.flush();
            Runtime.getRuntime().halt(HALTED);
        };
        EtlApplication.main(args);
    }
}
