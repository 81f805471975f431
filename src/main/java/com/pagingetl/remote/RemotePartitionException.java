package com.pagingetl.remote;

/** A partition that failed or was lost on a worker, as the manager reports it (its message names the partition). */
public class RemotePartitionException extends RuntimeException {

    public RemotePartitionException(String message) {
        super(message);
    }
}
