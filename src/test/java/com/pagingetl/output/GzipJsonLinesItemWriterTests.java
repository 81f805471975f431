package com.pagingetl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import com.pagingetl.paging.PagedItem;

class GzipJsonLinesItemWriterTests {

    @TempDir
    Path dir;

    private final ExecutionContext ctx = new ExecutionContext();

    private GzipJsonLinesItemWriter open(ExecutionContext context) {
        GzipJsonLinesItemWriter writer = new GzipJsonLinesItemWriter(dir, "US-cat-1");
        writer.open(context);
        return writer;
    }

    private static Chunk<PagedItem<byte[]>> chunk(int generation, String... values) {
        return new Chunk<>(Arrays.stream(values).map(v -> new PagedItem<>(v.getBytes(StandardCharsets.UTF_8), generation)).toList());
    }

    private Path part(int generation) {
        return PartFiles.file(dir, "US-cat-1", generation);
    }

    /** Every line of the file, read once with the JDK and once with commons-compress; both must agree. */
    static List<String> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> jdk;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            jdk = split(in.readAllBytes());
        }
        List<String> compress;
        try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(bytes), true)) {
            compress = split(in.readAllBytes());
        }
        assertThat(compress).as("commons-compress reads all members").isEqualTo(jdk);
        return jdk;
    }

    private static List<String> split(byte[] text) {
        String s = new String(text, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return List.of();
        }
        assertThat(s).endsWith("\n");
        return List.of(s.substring(0, s.length() - 1).split("\n", -1));
    }

    private static int members(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int n = 0;
        for (int i = 0; i + 2 < b.length; i++) {
            if ((b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8) {
                n++;
            }
        }
        return n;
    }

    @Test
    void writesOneGzipMemberPerChunkThatEveryReaderReadsFully() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);

        writer.write(chunk(0, "{\"id\":1}", "{\"id\":2}"));
        writer.update(ctx);
        writer.write(chunk(0, "{\"id\":3}"));
        writer.update(ctx);
        writer.write(chunk(0, "{\"name\":\"Zürich \\\"Altstadt\\\"\"}"));
        writer.update(ctx);
        writer.close();

        assertThat(lines(part(0))).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}",
                "{\"name\":\"Zürich \\\"Altstadt\\\"\"}");
        assertThat(members(part(0))).isEqualTo(3);
    }

    @Test
    void updateSavesCommittedBytesRecordsAndGeneration() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a", "b"));

        writer.update(ctx);

        assertThat(ctx.getLong("US-cat-1.bytes")).isEqualTo(Files.size(part(0))).isPositive();
        assertThat(ctx.getLong("US-cat-1.records")).isEqualTo(2);
        assertThat(ctx.getInt("US-cat-1.generation")).isZero();
        writer.close();
    }

    @Test
    void reopenTruncatesWhatAFailedChunkLeftAndAppendingStaysValid() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a", "b"));
        writer.update(ctx);
        ExecutionContext committed = new ExecutionContext(ctx);
        writer.write(chunk(0, "c-uncommitted", "d-uncommitted"));
        writer.close();
        assertThat(Files.size(part(0))).isGreaterThan(committed.getLong("US-cat-1.bytes"));

        GzipJsonLinesItemWriter resumed = open(committed);
        assertThat(Files.size(part(0))).isEqualTo(committed.getLong("US-cat-1.bytes"));
        resumed.write(chunk(0, "c", "d"));
        resumed.update(committed);
        resumed.close();

        assertThat(lines(part(0))).containsExactly("a", "b", "c", "d");
        assertThat(committed.getLong("US-cat-1.records")).isEqualTo(4);
        assertThat(committed.getLong("US-cat-1.bytes")).isEqualTo(Files.size(part(0)));
    }

    @Test
    void partFileShorterThanItsCommitFailsClearly() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a", "b"));
        writer.update(ctx);
        writer.close();
        long committed = ctx.getLong("US-cat-1.bytes");
        try (var ch = java.nio.channels.FileChannel.open(part(0), java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(committed - 5);
        }

        assertThatThrownBy(() -> open(ctx))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining(part(0).toString())
                .hasMessageContaining((committed - 5) + " bytes")
                .hasMessageContaining(String.valueOf(committed))
                .satisfies(e -> assertThat(((UnusableOutputException) e).abandonRun()).isTrue());
    }

    @Test
    void missingPartFileWithACommitFailsClearly() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a"));
        writer.update(ctx);
        writer.close();
        Files.delete(part(0));

        assertThatThrownBy(() -> open(ctx))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining("holds 0 bytes");
    }

    @Test
    void updateSavesTheCrc32OfTheCommittedBytes() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a", "b"));
        writer.update(ctx);
        writer.write(chunk(0, "c"));
        writer.close();

        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(Files.readAllBytes(part(0)), 0, (int) ctx.getLong("US-cat-1.bytes"));
        assertThat(ctx.getLong("US-cat-1.crc")).isEqualTo(crc.getValue());
    }

    @Test
    void aPartWhoseCommittedBytesChangedFailsTheResumeNamingThePartAndThePosition() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a", "b"));
        writer.update(ctx);
        writer.write(chunk(0, "c"));
        writer.update(ctx);
        writer.close();
        long committed = ctx.getLong("US-cat-1.bytes");
        byte[] bytes = Files.readAllBytes(part(0));
        bytes[15] ^= 0x21;
        Files.write(part(0), bytes);

        assertThatThrownBy(() -> open(ctx))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining("part US-cat-1")
                .hasMessageContaining("first " + committed + " bytes (3 records)")
                .hasMessageContaining("changed outside the job")
                .satisfies(e -> assertThat(((UnusableOutputException) e).abandonRun()).isTrue());
    }

    @Test
    void resumeAfterAFailedChunkKeepsTheDigestInStepWithTheFile() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a"));
        writer.update(ctx);
        ExecutionContext committed = new ExecutionContext(ctx);
        writer.write(chunk(0, "uncommitted"));
        writer.close();

        GzipJsonLinesItemWriter resumed = open(committed);
        resumed.write(chunk(0, "b"));
        resumed.update(committed);
        resumed.close();

        GzipJsonLinesItemWriter again = open(committed);
        again.close();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(Files.readAllBytes(part(0)));
        assertThat(committed.getLong("US-cat-1.crc")).isEqualTo(crc.getValue());
        assertThat(lines(part(0))).containsExactly("a", "b");
    }

    @Test
    void aWorkDirectoryThatCannotBeCreatedIsUnusableOutputNotARetry() throws Exception {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        GzipJsonLinesItemWriter writer = new GzipJsonLinesItemWriter(blocker.resolve("work"), "FR");

        assertThatThrownBy(() -> writer.open(new ExecutionContext()))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining("cannot be created")
                .hasMessageContaining("etl.output-dir")
                .satisfies(e -> assertThat(((UnusableOutputException) e).abandonRun()).isFalse());
    }

    @Test
    void newerGenerationSwitchesFileAndDropsOlderItems() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a0", "b0"));
        writer.update(ctx);

        List<PagedItem<byte[]>> mixed = new ArrayList<>(chunk(0, "c0").getItems());
        mixed.addAll(chunk(1, "a1", "b1").getItems());
        writer.write(new Chunk<>(mixed));
        writer.update(ctx);
        writer.write(chunk(1, "c1"));
        writer.update(ctx);
        writer.close();

        assertThat(ctx.getInt("US-cat-1.generation")).isEqualTo(1);
        assertThat(ctx.getLong("US-cat-1.records")).isEqualTo(3);
        assertThat(ctx.getLong("US-cat-1.bytes")).isEqualTo(Files.size(part(1)));
        assertThat(lines(part(1))).containsExactly("a1", "b1", "c1");

        GzipJsonLinesItemWriter reopened = open(ctx);
        reopened.close();
        assertThat(part(0)).as("reopen deletes the other generations").doesNotExist();
        assertThat(lines(part(1))).containsExactly("a1", "b1", "c1");
    }

    @Test
    void reopenWithTheOldGenerationDropsAnUncommittedNewGeneration() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a0"));
        writer.update(ctx);
        writer.write(chunk(1, "a1"));
        writer.close();

        GzipJsonLinesItemWriter reopened = open(ctx);
        reopened.write(chunk(0, "b0"));
        reopened.update(ctx);
        reopened.close();

        assertThat(part(1)).doesNotExist();
        assertThat(lines(part(0))).containsExactly("a0", "b0");
    }

    @Test
    void emptyChunkWritesNothing() throws Exception {
        GzipJsonLinesItemWriter writer = open(ctx);
        writer.write(chunk(0, "a"));
        writer.update(ctx);
        long size = Files.size(part(0));

        writer.write(new Chunk<>());
        writer.update(ctx);

        assertThat(Files.size(part(0))).isEqualTo(size);
        assertThat(ctx.getLong("US-cat-1.bytes")).isEqualTo(size);
        writer.write(chunk(0, "b"));
        writer.update(ctx);
        writer.close();
        assertThat(lines(part(0))).containsExactly("a", "b");
    }

    @Test
    void chunkWithOnlyOlderGenerationItemsWritesNothing() throws Exception {
        ctx.putInt("US-cat-1.generation", 2);
        GzipJsonLinesItemWriter writer = open(ctx);

        writer.write(chunk(1, "stale"));
        writer.update(ctx);
        writer.write(chunk(2, "fresh"));
        writer.update(ctx);
        writer.close();

        assertThat(lines(part(2))).containsExactly("fresh");
        assertThat(ctx.getLong("US-cat-1.bytes")).isEqualTo(Files.size(part(2)));
    }

    @Test
    void batchesOfRecordsAreWrittenAndCommittedByteForByteAsTheSameRecordsOneItemEach() throws Exception {
        // given the same chunks written once as single records, and once as batches through a RecordBatchWriter
        GzipJsonLinesItemWriter singles = open(ctx);
        singles.write(chunk(0, "{\"a\":1}", "{\"b\":2}", "{\"c\":3}"));
        singles.update(ctx);
        singles.write(chunk(1, "{\"d\":4}"));
        singles.update(ctx);
        singles.close();

        Path batchDir = dir.resolve("batches");
        ExecutionContext batchCtx = new ExecutionContext();
        RecordBatchWriter batches = new RecordBatchWriter(new GzipJsonLinesItemWriter(batchDir, "US-cat-1"));
        batches.open(batchCtx);
        batches.write(new Chunk<>(List.of(batch(0, "{\"a\":1}", "{\"b\":2}"), batch(0, "{\"c\":3}"))));
        batches.update(batchCtx);
        // a batch of a newer generation in the same chunk drops the older one, as in a chunk of single records
        batches.write(new Chunk<>(List.of(batch(0, "{\"stale\":0}"), batch(1, "{\"d\":4}"))));
        batches.update(batchCtx);
        batches.close();

        // then both parts and both commits are the same
        assertThat(Files.readAllBytes(PartFiles.file(batchDir, "US-cat-1", 1))).isEqualTo(Files.readAllBytes(part(1)));
        assertThat(batchCtx.toMap()).isEqualTo(ctx.toMap());
        assertThat(lines(part(1))).containsExactly("{\"d\":4}");
    }

    private static PagedItem<List<byte[]>> batch(int generation, String... values) {
        return new PagedItem<>(Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList(), generation);
    }

    @Test
    void recordsOfEverySizeAroundTheDeflateBufferReadBackExactly() throws Exception {
        // given records shorter than, as long as and longer than the 64 KiB gathered before each deflate call
        List<String> records = new ArrayList<>();
        for (int length : new int[] {1, 65_534, 65_535, 65_536, 200_000, 3, 70_000, 65_000, 2}) {
            records.add("\"" + "x".repeat(Math.max(0, length - 2)) + "\"");
        }
        GzipJsonLinesItemWriter writer = open(ctx);

        // when they are written in two chunks
        writer.write(chunk(0, records.subList(0, 5).toArray(String[]::new)));
        writer.write(chunk(0, records.subList(5, records.size()).toArray(String[]::new)));
        writer.update(ctx);
        writer.close();

        // then every line comes back whole, in order, in two members
        assertThat(lines(part(0))).containsExactlyElementsOf(records);
        assertThat(members(part(0))).isEqualTo(2);
    }

    @Test
    void firstOpenCreatesTheDirectoryAndAnEmptyPart() throws Exception {
        Path nested = dir.resolve("work/run-1");
        GzipJsonLinesItemWriter writer = new GzipJsonLinesItemWriter(nested, "FR");
        writer.open(new ExecutionContext());
        writer.close();

        assertThat(PartFiles.file(nested, "FR", 0)).exists().isEmptyFile();
    }
}
