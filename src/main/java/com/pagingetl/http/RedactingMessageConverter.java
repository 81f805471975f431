package com.pagingetl.http;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %rmsg} in logback-spring.xml: the log line's message with {@link Secrets} removed, so that a server's
 * words quoted in a log line (a retry warning, a GraphQL error) never write a credential to the console or
 * to {@code etl.log}.
 */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
