package com.pagingetl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.ParameterSpec;

/** Each job README's "Parameters" table lists exactly the parameters its specification declares, in order. */
class JobReadmeParametersTests {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|");

    @Test
    void everyJobReadmeListsExactlyTheDeclaredParameters() throws IOException {
        for (JobDescriptor job : JobCatalog.JOBS) {
            String readme = Files.readString(Path.of("jobs", job.name(), "README.md"));
            int start = readme.indexOf("\n## Parameters\n");
            assertThat(start).as("## Parameters in the README of %s", job.name()).isPositive();
            int end = readme.indexOf("\n## ", start + 1);
            Matcher rows = ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
            List<String> listed = rows.results().map(m -> m.group(1)).toList();

            assertThat(listed).as("parameters in jobs/%s/README.md", job.name())
                    .containsExactlyElementsOf(job.parameters().stream().map(ParameterSpec::name).toList());
        }
    }
}
