package com.pagingetl.jobs.tdg;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.HttpSettings;
import com.pagingetl.output.PublishTasklet;
import com.pagingetl.state.TestDatabase;

/** The plan step against WireMock stubs of a grid whose admin schema does or does not tell its version. */
class TdgRunPlannerTests {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00.123456789Z");

    private WireMockServer server;
    private TdgApi api;
    private TestDatabase db;
    private JobRepository repository;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        URI graphql = URI.create("http://127.0.0.1:" + server.port() + "/graphql");
        HttpSettings fast = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 1, Duration.ofMillis(5),
                Duration.ofMillis(10), Duration.ofSeconds(1), 0, "test");
        api = new TdgApi(new ApiHttpClient(fast, graphql), graphql, "token-abcd");
        db = TestDatabase.fresh();
        repository = db.jobRepository();
    }

    @AfterEach
    void stop() {
        server.stop();
        db.shutdown();
    }

    private long runs;

    private ExecutionContext plan(Map<String, String> params, TdgProperties properties, ExecutionContext jobContext) {
        JobParametersBuilder builder = new JobParametersBuilder();
        params.forEach(builder::addString);
        JobParameters parameters = builder.addLong("run", ++runs).toJobParameters();
        JobInstance instance = repository.createJobInstance("tdgVersions", parameters);
        JobExecution job = repository.createJobExecution(instance, parameters, jobContext);
        StepContribution contribution = new StepContribution(new StepExecution(1L, "tdgPlan", job));
        new TdgRunPlanner(api, properties, Clock.fixed(NOW, ZoneOffset.UTC), repository).execute(contribution, null);
        return job.getExecutionContext();
    }

    private static TdgProperties properties(int pageSize, Map<String, String> updateField) {
        return new TdgProperties(URI.create("http://grid"), "token-abcd", 1000, pageSize, updateField, null,
                Duration.ofSeconds(2));
    }

    private void admin(String queryPart, String answer) {
        server.stubFor(post(urlEqualTo("/graphql")).withHeader("schema", com.github.tomakehurst.wiremock.client.WireMock
                .equalTo("admin")).withRequestBody(containing(queryPart)).willReturn(aResponse().withStatus(200).withBody(answer)));
    }

    @Test
    void theGridsNewestVersionAndReturnedLimitAreUsed() {
        // given
        admin("current_version", "{\"data\":{\"cluster\":{\"current_version\":1795328005768983701}}}");
        admin("hard_limits", "{\"data\":{\"config\":{\"hard_limits\":{\"scanned\":2000,\"returned\":80}}}}");

        // when: a larger page size is asked for
        ExecutionContext job = plan(Map.of("type", "Country", "mode", "snapshot"), properties(500, Map.of()),
                new ExecutionContext());

        // then the pins are saved with the job's context at once
        assertThat(job.getString(TdgRunPlanner.VERSION)).isEqualTo("1795328005768983701");
        assertThat(repository.getLastJobExecution(repository.getLastJobInstance("tdgVersions")).getExecutionContext()
                .getString(TdgRunPlanner.VERSION)).isEqualTo("1795328005768983701");
        assertThat(job.getString("manifest.versionSource")).isEqualTo("grid");
        assertThat(job.getString(TdgRunPlanner.PAGE_SIZE)).isEqualTo("80");
        assertThat(job.getString(TdgRunPlanner.SELECTION)).isEqualTo("title phone_code cursor version");
    }

    @Test
    void aGridThatDoesNotTellItsVersionGetsTheClockLessTheMarginAndTheDefaultLimit() {
        // given: a real TDG's admin schema has no cluster field
        admin("current_version", "{\"errors\":[{\"message\":\"Cannot query field 'cluster' on type 'Query'\","
                + "\"extensions\":{\"code\":400}}]}");
        server.stubFor(post(urlEqualTo("/graphql")).withRequestBody(containing("hard_limits"))
                .willReturn(aResponse().withStatus(401).withBody("invalid credentials")));

        // when
        ExecutionContext job = plan(Map.of("type", "Country", "mode", "history"), properties(0, Map.of()),
                new ExecutionContext());

        // then
        assertThat(job.getString(TdgRunPlanner.VERSION)).isEqualTo("1795327198123456789");
        assertThat(job.getString("manifest.versionSource")).isEqualTo("clock");
        assertThat(job.getString(TdgRunPlanner.PAGE_SIZE)).isEqualTo("100");
    }

    @Test
    void anIncrementalTypeStartsAfterThePreviousRunsWatermarkAndAsOfIgnoresIt() {
        // given
        admin("current_version", "{\"data\":{\"cluster\":{\"current_version\":1795328005768983701}}}");
        admin("hard_limits", "{\"data\":{\"config\":{\"hard_limits\":{\"scanned\":2000,\"returned\":100}}}}");
        ExecutionContext started = new ExecutionContext();
        started.putString(PublishTasklet.WATERMARK_BEFORE + "since.updated_at", "1795328005768983000");
        ExecutionContext asOfStarted = new ExecutionContext();
        asOfStarted.putString(PublishTasklet.WATERMARK_BEFORE + "since.updated_at", "1795328005768983000");

        // when
        ExecutionContext snapshot = plan(Map.of("type", "Account", "mode", "snapshot"),
                properties(0, Map.of("Account", "updated_at")), started);
        ExecutionContext asOf = plan(Map.of("type", "Account", "mode", "asOf", "version", "1795328005768900000"),
                properties(0, Map.of("Account", "updated_at")), asOfStarted);

        // then
        assertThat(snapshot.getString(TdgRunPlanner.SINCE)).isEqualTo("1795328005768983000");
        assertThat(snapshot.getString(TdgRunPlanner.UPDATE_FIELD)).isEqualTo("updated_at");
        assertThat(asOf.getString(TdgRunPlanner.SINCE)).isEmpty();
        assertThat(asOf.getString(TdgRunPlanner.VERSION)).isEqualTo("1795328005768900000");
        assertThat(asOf.getString("manifest.versionSource")).isEqualTo("parameter");
    }

    @Test
    void aRestartKeepsWhatTheFirstAttemptPinned() {
        // given a context pinned by an earlier attempt, and a grid that has moved on
        admin("current_version", "{\"data\":{\"cluster\":{\"current_version\":1795328005768999999}}}");
        ExecutionContext pinned = new ExecutionContext();
        pinned.putString(TdgRunPlanner.VERSION, "1795328005768983701");

        // when
        ExecutionContext job = plan(Map.of("type", "Country", "mode", "snapshot"), properties(0, Map.of()), pinned);

        // then
        assertThat(job.getString(TdgRunPlanner.VERSION)).isEqualTo("1795328005768983701");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
