package com.pagingetl.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.pagingetl.paging.PagedItem;

/**
 * Writes records, each the bytes of one JSON value on one line, as gzip JSON Lines into a {@code .part}
 * file, one complete gzip member per chunk; the bytes go to the deflater as the reader cut them.
 * Concatenated members are one valid gzip stream ({@code zcat}, {@code GZIPInputStream} and
 * commons-compress read them all), and a file cut at a member boundary is still valid; this is what
 * makes byte-offset restart possible with compression.
 *
 * <h2>Restart contract</h2>
 * After each chunk the member is finished and forced to disk, then {@code update} saves
 * {@code <name>.bytes} (length vouched for by the commit), {@code <name>.crc} (CRC32 of those bytes, kept
 * up to date as they are written), {@code <name>.records} and {@code <name>.generation}. On open the file of
 * the saved generation is truncated back to the saved length, dropping whatever a failed chunk left behind,
 * its committed bytes are checked against the saved CRC32 (one read of the part), and files of other
 * generations are deleted. A part that is shorter than its commit or whose bytes changed fails the open with
 * an {@link UnusableOutputException}: appending to it would publish damaged gzip, and only a fresh run can
 * recover. A work directory that cannot be created fails the same way, since retrying cannot help. When
 * a chunk brings items of a newer generation (the reader started its query over), the writer switches
 * to a fresh file for it and ignores the older items still in the chunk.
 *
 * <p>The writer never publishes: the job's publish step assembles completed parts under the final
 * name. Not thread-safe: one instance per step execution.
 */
public class GzipJsonLinesItemWriter implements ItemStreamWriter<PagedItem<byte[]>> {

    private static final byte[] NEWLINE = {'\n'};

    private final Path dir;
    private final String name;

    private int generation;
    private long bytes;
    private long records;
    /** CRC32 of the part file's bytes up to the channel's position; {@link #committedCrc} of those up to {@link #bytes}. */
    private final CRC32 crc = new CRC32();
    private long committedCrc;
    private FileChannel channel;
    private GzipMember member;

    /**
     * @param dir  the run's work directory
     * @param name the part's name, stable across restarts ("US-cat-1"); also the ExecutionContext key prefix
     */
    public GzipJsonLinesItemWriter(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        generation = context.getInt(key("generation"), 0);
        bytes = context.getLong(key("bytes"), 0);
        records = context.getLong(key("records"), 0);
        // Absent in contexts committed before the digest existed: such a part is resumed unchecked.
        Long savedCrc = context.containsKey(key("crc")) ? context.getLong(key("crc")) : null;
        Path file = PartFiles.file(dir, name, generation);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UnusableOutputException("the work directory " + dir + " of part " + name + " cannot be created ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): make the output directory (etl.output-dir)"
                    + " writable", false, e);
        }
        try {
            PartFiles.deleteOtherGenerations(dir, name, generation);
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size < bytes) {
                throw new UnusableOutputException("part " + name + " (" + file + ") holds " + size
                        + " bytes but its last commit wrote " + bytes + " (" + records + " records): it was changed"
                        + " or removed outside the job", true, null);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.truncate(bytes);
            crc.reset();
            PartDigest.update(crc, channel, bytes, null);
            if (savedCrc != null && crc.getValue() != savedCrc) {
                throw new UnusableOutputException("part " + name + " (" + file + ") does not match its last commit: the CRC32"
                        + " of its first " + bytes + " bytes (" + records + " records) is " + PartDigest.hex(crc.getValue())
                        + ", the commit saved " + PartDigest.hex(savedCrc) + "; it was changed outside the job", true, null);
            }
            committedCrc = crc.getValue();
            channel.position(bytes);
            member = new GzipMember();
        } catch (UnusableOutputException e) {
            closeQuietly();
            throw e;
        } catch (IOException e) {
            closeQuietly();
            throw new ItemStreamException("opening part " + name + " (" + file + ") at byte " + bytes + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void write(Chunk<? extends PagedItem<byte[]>> chunk) throws IOException {
        if (!startChunk(chunk)) {
            return;
        }
        writeMember(chunk.size(), () -> {
            for (PagedItem<byte[]> item : chunk) {
                if (item.generation() == generation) {
                    line(item.value());
                }
            }
        });
    }

    /**
     * Writes a chunk whose items are batches of records ({@link com.pagingetl.paging.RecordBatchReader}), as one
     * member, exactly as {@link #write} writes the same records one item each.
     */
    public void writeBatches(Chunk<? extends PagedItem<? extends List<byte[]>>> chunk) throws IOException {
        if (!startChunk(chunk)) {
            return;
        }
        int records = 0;
        for (PagedItem<? extends List<byte[]>> batch : chunk) {
            records += batch.value().size();
        }
        writeMember(records, () -> {
            for (PagedItem<? extends List<byte[]>> batch : chunk) {
                if (batch.generation() == generation) {
                    for (byte[] record : batch.value()) {
                        line(record);
                    }
                }
            }
        });
    }

    /**
     * Switches to the file of the newest generation in {@code chunk} when it is newer than the part's; false when
     * the chunk holds nothing of the part's generation, which is then all that is written.
     */
    private boolean startChunk(Chunk<? extends PagedItem<?>> chunk) throws IOException {
        int newest = generation;
        for (PagedItem<?> item : chunk) {
            newest = Math.max(newest, item.generation());
        }
        if (newest > generation) {
            switchGeneration(newest);
        }
        for (PagedItem<?> item : chunk) {
            if (item.generation() == generation) {
                return true;
            }
        }
        return false;
    }

    private void line(byte[] record) throws IOException {
        member.write(record, 0, record.length);
        member.write(NEWLINE, 0, 1);
        records++;
    }

    /** One gzip member holding what {@code lines} writes, forced to disk; on failure the count goes back and the message names the part. */
    private void writeMember(int chunkRecords, Lines lines) throws IOException {
        long committedRecords = records;
        try {
            member.begin(channel, crc);
            lines.write();
            member.finish();
            channel.force(false);
        } catch (IOException e) {
            // The chunk rolls back and a resume truncates the part to its commit, so the count goes back with it.
            records = committedRecords;
            throw new OutputWriteException("writing a chunk of " + chunkRecords + " records to part " + name + " ("
                    + PartFiles.file(dir, name, generation) + ") after its committed " + bytes + " bytes (" + records
                    + " records) failed: " + e.getMessage(), e);
        }
        bytes = channel.position();
        committedCrc = crc.getValue();
    }

    @FunctionalInterface
    private interface Lines {
        void write() throws IOException;
    }

    private void switchGeneration(int newest) throws IOException {
        channel.close();
        generation = newest;
        bytes = 0;
        records = 0;
        crc.reset();
        committedCrc = crc.getValue();
        Path file = PartFiles.file(dir, name, generation);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(key("generation"), generation);
        context.putLong(key("bytes"), bytes);
        context.putLong(key("crc"), committedCrc);
        context.putLong(key("records"), records);
    }

    @Override
    public void close() throws ItemStreamException {
        if (member != null) {
            member.close();
            member = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                channel = null;
            }
        }
    }

    private void closeQuietly() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // The open already failed; its exception is the one that matters.
        } finally {
            channel = null;
        }
    }

    private String key(String suffix) {
        return name + "." + suffix;
    }
}
