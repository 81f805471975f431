package com.pagingetl.http;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %rex} in logback-spring.xml: a logged stack trace with {@link Secrets} removed from every message in
 * it, including those of exceptions from libraries that quote a response body.
 */
public class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
