package com.pagingetl.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import com.pagingetl.http.Secrets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FileLogEncoderTests {

    private static final String SECRET = "s3cr3t-" + FileLogEncoderTests.class.getSimpleName();

    @Test
    void structuredFormatWritesOneJsonObjectALineWithTheRunTagsAndNoSecret() {
        Secrets.register(SECRET);
        FileLogEncoder encoder = encoder("ecs");

        String line = new String(encoder.encode(event("server said: token " + SECRET)), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain(SECRET);
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("server said: token " + Secrets.MASK);
        assertThat(json.toString()).contains("\"job\":\"systaxRules\"").contains("\"executionId\":\"42\"");
    }

    @Test
    void withoutAFormatThePatternIsUsed() {
        FileLogEncoder encoder = encoder("");

        String line = new String(encoder.encode(event("hello")), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("INFO systaxRules 42 hello\n");
    }

    private static FileLogEncoder encoder(String format) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        FileLogEncoder encoder = new FileLogEncoder();
        encoder.setContext(context);
        encoder.setStructuredFormat(format);
        encoder.setPattern("%level %X{job} %X{executionId} %msg%n");
        encoder.start();
        return encoder;
    }

    private static LoggingEvent event(String message) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(FileLogEncoderTests.class.getName(), context.getLogger("test"),
                Level.INFO, message, null, null);
        event.setMDCPropertyMap(Map.of(RunMdc.JOB, "systaxRules", RunMdc.SCOPE, "all", RunMdc.EXECUTION, "42"));
        return event;
    }
}
