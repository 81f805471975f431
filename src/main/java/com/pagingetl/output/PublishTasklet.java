package com.pagingetl.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.pagingetl.state.WatermarkStore;

/**
 * The last step of every job: writes the manifest, puts the run's output under its final names, and only then
 * moves the watermarks. Each file is assembled from the committed bytes of its parts into a {@code .part} file
 * beside the final name and forced to disk; then the manifest is written (temporary name, forced, renamed), and
 * only then is each file renamed atomically: a file under a final name is always complete gzip and always has
 * its manifest. Nothing damaged is published: each part's bytes are checked against
 * the CRC32 its writer committed ({@code <part>.crc}) while they are copied (which also yields the manifest's
 * SHA-256). A matching CRC32 proves the bytes are those the writer committed, each commit a whole gzip member
 * the writer finished, so the copy decompresses; inflating the whole file again would cost a tenth of a run's
 * CPU to prove the same. Only a part committed without a CRC32 (by a version before it was kept) makes the
 * assembled file decompress fully to exactly the committed number of records before the rename. A mismatch
 * fails the step with an {@link UnusableOutputException} and removes the assembled file.
 *
 * <h2>Restart contract</h2>
 * Idempotent: a file already under its final name is kept as it is (it was published by an earlier
 * attempt that died before the end of this step), one still under its {@code .part} name is assembled again,
 * the manifest is rewritten, watermarks are set to the
 * same values again, and the work directory is removed last. Writes {@value #PUBLISHED_KEY} to the job's
 * ExecutionContext for the launcher's summary.
 */
public class PublishTasklet implements Tasklet {

    public static final String PUBLISHED_KEY = "run.published";
    public static final String WATERMARK_BEFORE = "watermark.before.";
    public static final String MANIFEST_EXTRA = "manifest.";

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final RunLayout layout;
    private final List<OutputSpec> outputs;
    private final JobRepository repository;
    private final WatermarkStore watermarks;
    private final Function<RunView, Map<String, String>> watermarksAfter;

    /**
     * @param watermarksAfter the watermarks this run establishes, computed from what its steps committed;
     *                        saved only after every file is published
     */
    public PublishTasklet(RunLayout layout, List<OutputSpec> outputs, JobRepository repository,
                          WatermarkStore watermarks, Function<RunView, Map<String, String>> watermarksAfter) {
        this.layout = layout;
        this.outputs = List.copyOf(outputs);
        this.repository = repository;
        this.watermarks = watermarks;
        this.watermarksAfter = watermarksAfter;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution execution = contribution.getStepExecution().getJobExecution();
        RunView run = new RunView(execution, repository);
        ExecutionContext jobContext = execution.getExecutionContext();
        String baseName = jobContext.getString(RunLayout.BASE_NAME_KEY);
        Path workDir = layout.workDir(baseName);
        Files.createDirectories(layout.jobDir());

        List<Manifest.FileEntry> files = new ArrayList<>();
        List<Path> assembled = new ArrayList<>();
        long total = 0;
        for (OutputSpec spec : outputs) {
            List<PartRef> refs = spec.parts().parts(execution);
            if (refs.isEmpty()) {
                // This run does not produce that file (e.g. no inactive list on a full extract).
                continue;
            }
            List<Manifest.PartEntry> parts = new ArrayList<>();
            List<PartSlice> slices = new ArrayList<>();
            for (PartRef ref : refs) {
                ExecutionContext ctx = run.stepContext(ref.stepName());
                String part = ref.partName();
                slices.add(new PartSlice(part, PartFiles.file(workDir, part, ctx.getInt(part + ".generation", 0)),
                        ctx.getLong(part + ".bytes", 0), ctx.getLong(part + ".records", 0),
                        ctx.containsKey(part + ".crc") ? ctx.getLong(part + ".crc") : null));
                parts.add(new Manifest.PartEntry(part, ctx.getLong(part + ".records", 0)));
            }
            long records = parts.stream().mapToLong(Manifest.PartEntry::records).sum();
            Path target = layout.published(baseName, spec.suffix());
            String sha256;
            long bytes;
            if (Files.exists(target)) {
                sha256 = GzipLinesCheck.verify(target, target.getFileName().toString(), records,
                        "it was changed after an earlier attempt published it, and no manifest vouches for it");
                bytes = Files.size(target);
            } else {
                Path tmp = assembling(target);
                sha256 = assemble(slices, tmp, target.getFileName().toString(), records);
                bytes = Files.size(tmp);
                assembled.add(tmp);
            }
            files.add(new Manifest.FileEntry(target.getFileName().toString(), records, bytes, sha256, parts));
            total += records;
        }

        Map<String, String> after = watermarksAfter.apply(run);
        Manifest manifest = new Manifest(execution.getJobInstance().getJobName(), run.jobParameter("scope"),
                execution.getJobInstance().getInstanceId(), executionIds(execution), parameters(execution),
                firstStart(execution), Instant.now(), total, files, prefixed(jobContext, WATERMARK_BEFORE), after,
                prefixed(jobContext, MANIFEST_EXTRA));
        Path manifestPath = layout.manifest(baseName);
        // The manifest goes first: a data file under its final name always has its manifest beside it.
        manifest.writeAtomically(manifestPath);
        for (Path tmp : assembled) {
            Files.move(tmp, finalName(tmp), StandardCopyOption.ATOMIC_MOVE);
        }
        forceDirectory(layout.jobDir());

        watermarks.saveAll(manifest.job(), manifest.scope(), after, execution.getId());
        layout.removeWork(baseName);

        List<String> published = new ArrayList<>();
        files.forEach(f -> published.add(layout.jobDir().resolve(f.name()).toString()));
        published.add(manifestPath.toString());
        jobContext.putString(PUBLISHED_KEY, String.join("\n", published));
        contribution.incrementWriteCount(0);
        log.info("published {} records in {} file(s) under {}", total, files.size(), layout.jobDir());
        return RepeatStatus.FINISHED;
    }

    /** The committed bytes of one part; {@code crc} is null for a part committed before digests were kept. */
    private record PartSlice(String name, Path file, long bytes, long records, Long crc) {
    }

    /** Where a file is assembled before its rename: beside its final name, with {@code .part} added. */
    private static Path assembling(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    private static Path finalName(Path assembling) {
        String name = assembling.getFileName().toString();
        return assembling.resolveSibling(name.substring(0, name.length() - ".part".length()));
    }

    /** Makes the renames durable before the watermarks move (on Linux a directory can be forced; elsewhere skipped). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            log.debug("could not force directory {}: {}", dir, notSupported.toString());
        }
    }

    /**
     * Assembles and checks the file {@code name} into {@code tmp}, forced to disk but not yet renamed; returns its
     * SHA-256.
     */
    private static String assemble(List<PartSlice> slices, Path tmp, String name, long records) throws IOException {
        long written = 0;
        long started = System.nanoTime();
        long copied;
        String sha256;
        boolean everyPartVouched = slices.stream().allMatch(s -> s.bytes() == 0 || s.crc() != null);
        try {
            Sha256Channel out = new Sha256Channel(FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            try (out) {
                for (PartSlice slice : slices) {
                    if (slice.bytes() == 0) {
                        continue;
                    }
                    copyChecked(slice, out);
                    written += slice.bytes();
                }
                if (written == 0) {
                    // An empty run still publishes valid gzip: one empty member.
                    OutputStream os = Channels.newOutputStream(out);
                    GZIPOutputStream gz = new GZIPOutputStream(os);
                    gz.finish();
                    gz.flush();
                }
                out.force();
            }
            copied = System.nanoTime();
            sha256 = everyPartVouched ? out.hex()
                    : GzipLinesCheck.verify(tmp, name, records, "nothing was published");
        } catch (OutputWriteException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new OutputWriteException("publish of " + name + " failed while assembling it from "
                    + slices.size() + " part(s) (" + records + " records) in " + tmp + ": " + e.getMessage()
                    + "; nothing was published", e);
        }
        long verified = System.nanoTime();
        log.info("assembled {} ({} records, {} bytes; parts copied, CRC-checked and hashed in {} ms{})", name,
                records, Files.size(tmp), (copied - started) / 1_000_000, everyPartVouched ? ""
                        : "; a part without a committed CRC32, so decompressed and counted in " + (verified - copied) / 1_000_000 + " ms");
        return sha256;
    }

    /** Copies a part's committed bytes, checking them against the CRC32 its writer committed. */
    private static void copyChecked(PartSlice slice, WritableByteChannel out) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel in = FileChannel.open(slice.file(), StandardOpenOption.READ)) {
            if (in.size() < slice.bytes()) {
                throw new UnusableOutputException("part " + slice.name() + " (" + slice.file() + ") holds " + in.size()
                        + " bytes, fewer than the " + slice.bytes() + " (" + slice.records() + " records) its step committed;"
                        + " nothing was published", true, null);
            }
            PartDigest.update(crc, in, slice.bytes(), out);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnusableOutputException("part " + slice.name() + " (" + slice.file() + ") is gone, though its step"
                    + " committed " + slice.bytes() + " bytes (" + slice.records() + " records); nothing was published", true, e);
        }
        if (slice.crc() != null && crc.getValue() != slice.crc()) {
            throw new UnusableOutputException("part " + slice.name() + " (" + slice.file() + ") does not match what its step"
                    + " committed: the CRC32 of its " + slice.bytes() + " bytes (" + slice.records() + " records) is "
                    + PartDigest.hex(crc.getValue()) + ", the commit saved " + PartDigest.hex(slice.crc())
                    + "; it was changed outside the job; nothing was published", true, null);
        }
    }

    private List<Long> executionIds(JobExecution execution) {
        return repository.getJobExecutions(execution.getJobInstance()).stream().map(JobExecution::getId).sorted().toList();
    }

    private Instant firstStart(JobExecution execution) {
        return repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(e -> e.getStartTime() != null ? e.getStartTime() : e.getCreateTime())
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(t -> t.atZone(java.time.ZoneId.systemDefault()).toInstant())
                .orElse(Instant.now());
    }

    private static Map<String, String> parameters(JobExecution execution) {
        Map<String, String> params = new LinkedHashMap<>();
        execution.getJobParameters().parameters().forEach(p -> params.put(p.name(), String.valueOf(p.value())));
        return params;
    }

    static Map<String, String> prefixed(ExecutionContext context, String prefix) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                values.put(e.getKey().substring(prefix.length()), String.valueOf(e.getValue()));
            }
        }
        return values;
    }

    /** The published file's channel, hashing what is written for the manifest's SHA-256 on the way. */
    private static final class Sha256Channel implements WritableByteChannel {
        private final FileChannel file;
        private final MessageDigest sha256;

        Sha256Channel(FileChannel file) {
            this.file = file;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer hashed = src.duplicate();
            int n = file.write(src);
            hashed.limit(hashed.position() + n);
            sha256.update(hashed);
            return n;
        }

        void force() throws IOException {
            file.force(true);
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
