package com.pagingetl.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.output.Manifest;

/** Reads what a job published under {@code output/<job>/}, the way a consumer would. */
public final class PublishedOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedOutput() {
    }

    /** Published files (final names only) whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(Path jobDir, String suffix) {
        if (!Files.isDirectory(jobDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(jobDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the job directory that is not a published file or manifest (work in progress). */
    public static List<Path> leftovers(Path jobDir) {
        if (!Files.isDirectory(jobDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(jobDir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().equals(jobDir) || p.getFileName().toString().endsWith(".part"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one part file under the job directory's work area whose name starts with {@code namePrefix} (any
     * when empty): what a failed run committed so far, readable with {@link #lines} and {@link #records}.
     */
    public static Path onlyPart(Path jobDir, String namePrefix) {
        try (Stream<Path> s = Files.walk(jobDir)) {
            List<Path> parts = s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz.part"))
                    .filter(p -> p.getFileName().toString().startsWith(namePrefix)).toList();
            if (parts.size() != 1) {
                throw new AssertionError("expected one part file named " + namePrefix + "* under " + jobDir + ", found " + parts);
            }
            return parts.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All lines of a gzip JSON Lines file, read as concatenated gzip members by commons-compress. */
    public static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GzipCompressorInputStream(Files.newInputStream(file), true), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    public static List<JsonNode> records(Path file) {
        return lines(file).stream().map(l -> (JsonNode) JSON.readTree(l)).toList();
    }

    public static Manifest manifest(Path file) {
        return Manifest.read(file);
    }
}
