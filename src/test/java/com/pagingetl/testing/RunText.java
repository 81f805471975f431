package com.pagingetl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Everything the commands of an {@link EtlRun} left as text, to grep for what must not be there (credentials):
 * what a command printed, the log file, every file under the output directory (work parts, published files and
 * manifests, gzip inflated as far as it goes) and the job repository ({@link JobRepositoryText}).
 */
public final class RunText {

    private RunText() {
    }

    public static String of(EtlRun etl, EtlRun.Result printed) throws IOException, SQLException {
        StringBuilder text = new StringBuilder(printed.out()).append(printed.err());
        Path log = etl.home().resolve("etl.log");
        if (Files.exists(log)) {
            text.append(Files.readString(log));
        }
        text.append(files(etl.home().resolve("output")));
        text.append(JobRepositoryText.of(etl));
        return text.toString();
    }

    private static String files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            text.append(new String(bytes, StandardCharsets.ISO_8859_1));
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                ByteArrayOutputStream inflated = new ByteArrayOutputStream();
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    in.transferTo(inflated);
                } catch (IOException truncated) {
                    // A part cut by a test: what inflated up to the cut is kept.
                }
                text.append(inflated.toString(StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
