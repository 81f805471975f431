package com.pagingetl.remote;

import org.springframework.messaging.PollableChannel;

/**
 * How partition requests travel ({@code etl.remote.transport}): each job's queue, which the manager sends to
 * and workers take from. A take within a transaction of the job repository's database commits with it.
 */
interface RequestTransport extends AutoCloseable {

    /** The queue of a job's partition requests; {@code receive(0)} takes one if there is one, without waiting. */
    PollableChannel queue(String job);

    @Override
    default void close() {
    }
}
