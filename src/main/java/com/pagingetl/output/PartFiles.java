package com.pagingetl.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names of the files a step writes while it runs: {@code <dir>/<part>.g<generation>.jsonl.gz.part}.
 * Each generation of a query has its own file, so starting a query over never touches the bytes that
 * the last commit vouches for until the new generation's first commit. Stateless.
 */
public final class PartFiles {

    private PartFiles() {
    }

    public static Path file(Path dir, String part, int generation) {
        return dir.resolve(part + ".g" + generation + ".jsonl.gz.part");
    }

    /** Deletes this part's files of every generation except {@code keep}. */
    static void deleteOtherGenerations(Path dir, String part, int keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path kept = file(dir, part, keep).getFileName();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, part + ".g*.jsonl.gz.part")) {
            for (Path f : files) {
                if (!f.getFileName().equals(kept) && f.getFileName().toString().matches(
                        java.util.regex.Pattern.quote(part) + "\\.g\\d+\\.jsonl\\.gz\\.part")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
