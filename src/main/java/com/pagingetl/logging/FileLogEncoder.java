package com.pagingetl.logging;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import com.pagingetl.http.Secrets;

/**
 * The log file's encoder: the pattern (whose {@code %rmsg} and {@code %rex} redact credentials), or, when
 * {@code logging.structured.format.file} names a format ({@code ecs}, {@code logstash}, {@code gelf}), one
 * JSON object a line from Spring Boot's structured logging, the run's MDC tags among its fields. Spring Boot
 * applies that property only to its own logback configuration, and its JSON carries message and stack trace
 * as they are, so the whole line is redacted here.
 */
public class FileLogEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String structuredFormat = "";
    private Encoder<ILoggingEvent> delegate;
    private boolean structured;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat == null ? "" : structuredFormat.trim();
    }

    @Override
    public void start() {
        structured = !structuredFormat.isEmpty();
        if (structured) {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(structuredFormat);
            json.setCharset(StandardCharsets.UTF_8);
            delegate = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(StandardCharsets.UTF_8);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        return structured ? Secrets.redact(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : line;
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
