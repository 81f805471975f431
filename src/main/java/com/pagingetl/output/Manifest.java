package com.pagingetl.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code .manifest.json} published beside a run's files: what was asked, what was written, and how
 * the watermarks moved. Checksums and sizes let a consumer verify a file before loading it.
 */
public record Manifest(String job, String scope, long jobInstanceId, List<Long> jobExecutionIds,
                       Map<String, String> parameters, Instant start, Instant end, long records,
                       List<FileEntry> files, Map<String, String> watermarkBefore, Map<String, String> watermarkAfter,
                       Map<String, String> details) {

    /** One published file. */
    public record FileEntry(String name, long records, long bytes, String sha256, List<PartEntry> parts) {
    }

    /** One part of a file: a partition or a step, with the records it contributed. */
    public record PartEntry(String name, long records) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Writes to a temporary name, forces it to disk and renames it: the manifest is whole or absent. */
    public void writeAtomically(Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(this));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Manifest read(Path file) {
        return JSON.readValue(file.toFile(), Manifest.class);
    }
}
