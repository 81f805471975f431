package com.pagingetl.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A console stream whose every line also goes to the log, so that the launcher's start, resume, completed,
 * failed, stopped and published lines are in the log file with the run's tags. The logger is
 * {@value #LOGGER}, which logback-spring.xml sends to the file only: the line is on the console once.
 */
public final class LoggedPrintStream extends PrintStream {

    public static final String LOGGER = "launcher";

    private LoggedPrintStream(PrintStream console, Level level) {
        super(new LineTee(console, LoggerFactory.getLogger(LOGGER), level), true, StandardCharsets.UTF_8);
    }

    /** {@code console} with each line also logged at {@code level}. */
    public static PrintStream of(PrintStream console, Level level) {
        return new LoggedPrintStream(console, level);
    }

    private static final class LineTee extends OutputStream {
        private final PrintStream console;
        private final Logger log;
        private final Level level;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineTee(PrintStream console, Logger log, Level level) {
            this.console = console;
            this.log = log;
            this.level = level;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            collect(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                collect(b[i]);
            }
        }

        private void collect(int b) {
            if (b == '\n') {
                log.atLevel(level).log(line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            console.flush();
        }
    }
}
