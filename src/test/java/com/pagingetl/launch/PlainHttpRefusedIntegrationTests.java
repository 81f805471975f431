package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.pagingetl.testing.EtlRun;

/** Every job refuses to send its credentials over plain http to another host: exit 2, one line naming the property. */
class PlainHttpRefusedIntegrationTests {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rapidContent      | rapid-content      | RAPID_BASE_URL     | --etl.jobs.rapid-content.api-key=k1234 --etl.jobs.rapid-content.shared-secret=s1234",
            "systaxRules       | systax-rules       | SYSTAX_BASE_URL    | --etl.jobs.systax-rules.username=u --etl.jobs.systax-rules.password=p1234",
            "demarchesDossiers | demarches-dossiers | DEMARCHES_BASE_URL | --etl.jobs.demarches-dossiers.token=t1234 demarche=1001",
            "tdgVersions       | tdg-versions       | TDG_BASE_URL       | --etl.jobs.tdg-versions.token=t1234 type=Country"})
    void plainHttpToAnotherHostIsAUsageErrorNamingTheProperty(String job, String prefix, String env, String credentials) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--job=" + job,
                "--etl.jobs." + prefix + ".base-url=http://api.example.test"));
        args.addAll(java.util.List.of(credentials.split(" ")));

        EtlRun.Result result = new EtlRun(home).run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().filter(l -> !l.isBlank())).hasSize(1);
        assertThat(result.lastErrorLine()).isEqualTo("usage error: etl.jobs." + prefix + ".base-url (" + env + ") must be"
                + " https:// (credentials would travel in clear); plain http is allowed only to a loopback address"
                + " (127.0.0.0/8, ::1, localhost), was http://api.example.test");
    }
}
