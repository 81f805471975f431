package com.pagingetl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.paging.PagedItem;
import com.pagingetl.state.TestDatabase;
import com.pagingetl.state.WatermarkStore;

/**
 * The publish step over a real JDBC job repository on H2: extract steps are recorded as completed with
 * the contexts their writers committed, then the tasklet runs as the job's last step would.
 */
class PublishTaskletTests {

    private static final String BASE = "rapidContent-20261122T060000Z";

    @TempDir
    Path root;

    private TestDatabase db;
    private JobRepository repository;
    private WatermarkStore watermarks;
    private RunLayout layout;
    private JobExecution execution;

    @BeforeEach
    void run() {
        db = TestDatabase.fresh();
        repository = db.jobRepository();
        watermarks = db.watermarkStore();
        layout = new RunLayout(root, "rapidContent");
        JobParameters params = new JobParametersBuilder().addString("scope", "default").addLong("run", 1L)
                .addString("country", "US,FR", false).toJobParameters();
        JobInstance instance = repository.createJobInstance("rapidContent", params);
        execution = repository.createJobExecution(instance, params, new ExecutionContext());
        execution.getExecutionContext().putString(RunLayout.BASE_NAME_KEY, BASE);
        execution.getExecutionContext().putString(PublishTasklet.WATERMARK_BEFORE + "since", "2026-11-21");
        execution.getExecutionContext().putString(PublishTasklet.MANIFEST_EXTRA + "source", "simulator");
        repository.updateExecutionContext(execution);
    }

    @AfterEach
    void close() {
        db.shutdown();
    }

    /** Writes the chunks through a real writer and records the step as completed with what it committed. */
    private void completedStep(String stepName, String part, List<List<String>> chunks, List<String> uncommitted)
            throws Exception {
        GzipJsonLinesItemWriter writer = new GzipJsonLinesItemWriter(layout.workDir(BASE), part);
        ExecutionContext ctx = new ExecutionContext();
        writer.open(ctx);
        for (List<String> chunk : chunks) {
            writer.write(new Chunk<>(chunk.stream().map(v -> new PagedItem<>(v.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0)).toList()));
            writer.update(ctx);
        }
        if (!uncommitted.isEmpty()) {
            writer.write(new Chunk<>(uncommitted.stream().map(v -> new PagedItem<>(v.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0)).toList()));
        }
        writer.close();
        StepExecution step = repository.createStepExecution(stepName, execution);
        step.setExecutionContext(ctx);
        step.setStatus(BatchStatus.COMPLETED);
        repository.update(step);
        repository.updateExecutionContext(step);
    }

    private PublishTasklet tasklet(List<OutputSpec> outputs) {
        return new PublishTasklet(layout, outputs, repository, watermarks, run -> Map.of("since", "2026-11-22"));
    }

    private void publish(PublishTasklet tasklet) throws Exception {
        StepExecution publish = repository.createStepExecution("publish", execution);
        tasklet.execute(new StepContribution(publish), null);
    }

    private static List<OutputSpec> mainAndDeleted() {
        return List.of(
                new OutputSpec("", ex -> List.of(new PartRef("extract:US", "US"), new PartRef("extract:FR", "FR"))),
                OutputSpec.single("-deleted", "deleted", "deleted"));
    }

    @Test
    void theManifestIsUnderItsFinalNameBeforeAnyDataFileIs() throws Exception {
        completedStep("extract:US", "US", List.of(List.of("{\"id\":1}")), List.of());
        completedStep("extract:FR", "FR", List.of(List.of("{\"id\":2}")), List.of());
        completedStep("deleted", "deleted", List.of(List.of("{\"id\":3}")), List.of());
        Files.createDirectories(layout.jobDir());
        List<String> appeared = new ArrayList<>();

        // What a consumer watching the directory sees: names as they appear (a rename shows as a creation).
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            layout.jobDir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            publish(tasklet(mainAndDeleted()));
            WatchKey key = watcher.poll(30, TimeUnit.SECONDS);
            while (key != null) {
                key.pollEvents().forEach(e -> appeared.add(e.context().toString()));
                key.reset();
                key = watcher.poll(1, TimeUnit.SECONDS);
            }
        }

        List<String> finalNames = appeared.stream().filter(n -> !n.endsWith(".part") && !n.startsWith(".")).toList();
        assertThat(finalNames).containsExactly(BASE + ".manifest.json", BASE + ".jsonl.gz", BASE + "-deleted.jsonl.gz");
    }

    @Test
    void publishesCommittedPartsInOrderWithAManifestThenMovesTheWatermarks() throws Exception {
        completedStep("extract:US", "US", List.of(List.of("{\"id\":1}", "{\"id\":2}"), List.of("{\"id\":3}")),
                List.of("{\"id\":\"uncommitted\"}"));
        completedStep("extract:FR", "FR", List.of(List.of("{\"id\":4}")), List.of());
        completedStep("deleted", "deleted", List.of(), List.of());

        publish(tasklet(mainAndDeleted()));

        Path main = layout.published(BASE, "");
        assertThat(GzipJsonLinesItemWriterTests.lines(main))
                .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}");
        Path deleted = layout.published(BASE, "-deleted");
        assertThat(GzipJsonLinesItemWriterTests.lines(deleted)).as("an empty file is still valid gzip").isEmpty();

        Manifest manifest = Manifest.read(layout.manifest(BASE));
        assertThat(manifest.job()).isEqualTo("rapidContent");
        assertThat(manifest.scope()).isEqualTo("default");
        assertThat(manifest.records()).isEqualTo(4);
        assertThat(manifest.parameters()).containsEntry("country", "US,FR");
        assertThat(manifest.watermarkBefore()).containsExactly(Map.entry("since", "2026-11-21"));
        assertThat(manifest.watermarkAfter()).containsExactly(Map.entry("since", "2026-11-22"));
        assertThat(manifest.details()).containsExactly(Map.entry("source", "simulator"));
        assertThat(manifest.files()).extracting(Manifest.FileEntry::name)
                .containsExactly(BASE + ".jsonl.gz", BASE + "-deleted.jsonl.gz");
        Manifest.FileEntry entry = manifest.files().get(0);
        assertThat(entry.records()).isEqualTo(4);
        assertThat(entry.bytes()).isEqualTo(Files.size(main));
        assertThat(entry.sha256()).isEqualTo(sha256(main));
        assertThat(entry.parts()).containsExactly(new Manifest.PartEntry("US", 3), new Manifest.PartEntry("FR", 1));

        assertThat(watermarks.load("rapidContent", "default")).containsExactly(Map.entry("since", "2026-11-22"));
        assertThat(layout.workDir(BASE)).doesNotExist();
        assertThat(execution.getExecutionContext().getString(PublishTasklet.PUBLISHED_KEY))
                .contains(main.toString()).contains(layout.manifest(BASE).toString());
        try (var files = Files.list(layout.jobDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void publishingAgainKeepsThePublishedFilesAsTheyAre() throws Exception {
        completedStep("extract:US", "US", List.of(List.of("a", "b")), List.of());
        completedStep("extract:FR", "FR", List.of(List.of("c")), List.of());
        completedStep("deleted", "deleted", List.of(List.of("d")), List.of());
        PublishTasklet tasklet = tasklet(mainAndDeleted());
        publish(tasklet);
        Path main = layout.published(BASE, "");
        byte[] first = Files.readAllBytes(main);

        publish(tasklet);

        assertThat(Files.readAllBytes(main)).isEqualTo(first);
        assertThat(Manifest.read(layout.manifest(BASE)).files().get(0).sha256()).isEqualTo(sha256(main));
        assertThat(watermarks.load("rapidContent", "default")).containsExactly(Map.entry("since", "2026-11-22"));
    }

    @Test
    void aPartThatLostCommittedBytesFailsAndPublishesNothing() throws Exception {
        completedStep("extract:US", "US", List.of(List.of("a", "b")), List.of());
        completedStep("extract:FR", "FR", List.of(List.of("c")), List.of());
        completedStep("deleted", "deleted", List.of(), List.of());
        Path us = PartFiles.file(layout.workDir(BASE), "US", 0);
        byte[] bytes = Files.readAllBytes(us);
        Files.write(us, Arrays.copyOf(bytes, bytes.length - 4));

        assertThatThrownBy(() -> publish(tasklet(mainAndDeleted())))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining(us.toString())
                .hasMessageContaining("fewer than the " + bytes.length);

        assertThat(layout.published(BASE, "")).doesNotExist();
        assertThat(layout.manifest(BASE)).doesNotExist();
        assertThat(watermarks.load("rapidContent", "default")).isEmpty();
    }

    @Test
    void aStepThatDidNotCompleteIsNamed() throws Exception {
        completedStep("extract:US", "US", List.of(List.of("a")), List.of());
        StepExecution failed = repository.createStepExecution("extract:FR", execution);
        failed.setStatus(BatchStatus.FAILED);
        repository.update(failed);

        assertThatThrownBy(() -> publish(tasklet(mainAndDeleted())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("extract:FR")
                .hasMessageContaining("FAILED");
        assertThat(watermarks.load("rapidContent", "default")).isEmpty();
    }

    @Test
    void aPartWhoseCommittedBytesChangedFailsNamingThePartAndPublishesNothing() throws Exception {
        completedStep("extract:US", "US", List.of(List.of("{\"id\":1}", "{\"id\":2}"), List.of("{\"id\":3}")), List.of());
        completedStep("extract:FR", "FR", List.of(List.of("{\"id\":4}")), List.of());
        completedStep("deleted", "deleted", List.of(), List.of());
        Path fr = PartFiles.file(layout.workDir(BASE), "FR", 0);
        flipByte(fr, 12);

        assertThatThrownBy(() -> publish(tasklet(mainAndDeleted())))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining("part FR")
                .hasMessageContaining("CRC32")
                .hasMessageContaining("changed outside the job")
                .satisfies(e -> assertThat(((UnusableOutputException) e).abandonRun()).isTrue());

        assertNothingPublished();
    }

    @Test
    void aFileThatDoesNotDecompressIsNeverPublishedEvenWithoutAPartDigest() throws Exception {
        // given a part committed before digests were kept, damaged after its commit
        completedStep("extract:US", "US", List.of(List.of("{\"id\":1}", "{\"id\":2}")), List.of());
        completedStep("extract:FR", "FR", List.of(List.of("{\"id\":4}")), List.of());
        completedStep("deleted", "deleted", List.of(), List.of());
        StepExecution us = repository.getLastStepExecution(execution.getJobInstance(), "extract:US");
        us.getExecutionContext().remove("US.crc");
        repository.updateExecutionContext(us);
        flipByte(PartFiles.file(layout.workDir(BASE), "US", 0), 14);

        assertThatThrownBy(() -> publish(tasklet(mainAndDeleted())))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining(BASE + ".jsonl.gz")
                .hasMessageContaining("nothing was published");

        assertNothingPublished();
    }

    @Test
    void withoutACommittedCrcAFileWithFewerLinesThanTheCommittedRecordsIsNotPublished() throws Exception {
        // given a part committed by a version that kept no CRC32, whose context claims one record more than it holds
        completedStep("extract:US", "US", List.of(List.of("{\"id\":1}", "{\"id\":2}")), List.of());
        completedStep("extract:FR", "FR", List.of(List.of("{\"id\":4}")), List.of());
        completedStep("deleted", "deleted", List.of(), List.of());
        StepExecution fr = repository.getLastStepExecution(execution.getJobInstance(), "extract:FR");
        fr.getExecutionContext().remove("FR.crc");
        fr.getExecutionContext().putLong("FR.records", 2);
        repository.updateExecutionContext(fr);

        assertThatThrownBy(() -> publish(tasklet(mainAndDeleted())))
                .isInstanceOf(UnusableOutputException.class)
                .hasMessageContaining("decompresses to 3 lines but its parts committed 4 records");

        assertNothingPublished();
    }

    private static void flipByte(Path file, int offset) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 0x5a;
        Files.write(file, bytes);
    }

    private void assertNothingPublished() throws Exception {
        assertThat(layout.published(BASE, "")).doesNotExist();
        assertThat(layout.manifest(BASE)).doesNotExist();
        assertThat(watermarks.load("rapidContent", "default")).isEmpty();
        try (var files = Files.list(layout.jobDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
