package com.pagingetl.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The declarative parameter specification: parsing, defaults, one-line refusals, rules across parameters. */
class JobDescriptorTests {

    private static final JobDescriptor JOB = new JobDescriptor("demo", "a demo job", "demo", List.of(
            ParameterSpec.scope("id", ParameterType.integer(1, 1000), null, "the thing to export"),
            ParameterSpec.scope("kind", ParameterType.oneOf("a", "b"), "a", "a or b"),
            ParameterSpec.option("codes", ParameterType.listOf(ParameterType.matching(Pattern.compile("[A-Z]{2}"),
                    "two capital letters")), "US,FR", "codes"),
            ParameterSpec.option("since", ParameterType.date(), "", "a date"),
            ParameterSpec.option("at", ParameterType.dateOrDateTime(), "", "a date or a date-time"),
            ParameterSpec.option("full", ParameterType.bool(), "false", "everything")),
            List.of(), values -> {
                if (values.string("kind").equals("b") && !values.isSet("since")) {
                    throw new UsageException("demo: kind=b needs since=");
                }
            });

    @Test
    void defaultsFillInAndTypedReadsFollowTheDeclaration() {
        ParameterValues v = JOB.validate(Map.of("id", "7", "codes", "US, GB"));

        assertThat(v.asMap()).containsExactly(Map.entry("id", "7"), Map.entry("kind", "a"), Map.entry("codes", "US, GB"),
                Map.entry("since", ""), Map.entry("at", ""), Map.entry("full", "false"));
        assertThat(v.integer("id")).isEqualTo(7);
        assertThat(v.list("codes")).containsExactly("US", "GB");
        assertThat(v.isSet("since")).isFalse();
        assertThat(v.bool("full")).isFalse();
        assertThat(JOB.validate(Map.of("id", "7", "at", "2020-02-22T00:00:00+01:00")).string("at"))
                .isEqualTo("2020-02-22T00:00:00+01:00");
    }

    @Test
    void eachRefusalIsOneLineNamingTheJobTheParameterTheValueAndTheAllowedValues() {
        assertRefused(Map.of("id", "1001"), "demo: id=1001 is not allowed: expected a whole number from 1 to 1000");
        assertRefused(Map.of("id", "x"), "demo: id=x is not allowed: expected a whole number from 1 to 1000");
        assertRefused(Map.of("id", "007"), "demo: id=007 is not allowed: write the number as 7");
        assertRefused(Map.of("id", "1", "kind", "c"), "demo: kind=c is not allowed: expected one of a, b");
        assertRefused(Map.of("id", "1", "codes", "US,usa"),
                "demo: codes=US,usa is not allowed: 'usa' is not two capital letters");
        assertRefused(Map.of("id", "1", "codes", ","),
                "demo: codes=, is not allowed: expected a comma-separated list of at least one value, each two capital letters");
        assertRefused(Map.of("id", "1", "since", "2020-13-01"),
                "demo: since=2020-13-01 is not allowed: expected a date of the form YYYY-MM-DD, not in the future");
        assertRefused(Map.of("id", "1", "since", "2999-01-01"), "demo: since=2999-01-01 is not allowed: " + ParameterType.FUTURE);
        assertRefused(Map.of("id", "1", "at", "yesterday"), "demo: at=yesterday is not allowed: expected an ISO 8601 date"
                + " (2020-02-22) or date-time with offset (2020-02-22T00:00:00+01:00), not in the future");
        assertRefused(Map.of("id", "1", "at", "2999-01-01T00:00:00Z"), "demo: at=2999-01-01T00:00:00Z is not allowed: " + ParameterType.FUTURE);
        assertRefused(Map.of("id", "1", "full", "yes"), "demo: full=yes is not allowed: expected one of true, false");
    }

    @Test
    void unknownAndMissingParametersAndRulesAreRefused() {
        assertRefused(Map.of("id", "1", "colour", "blue"),
                "demo has no parameter 'colour'; its parameters are [id, kind, codes, since, at, full] (see --help --job=demo)");
        assertRefused(Map.of(), "demo needs id=<value>, a whole number from 1 to 1000: the thing to export");
        assertRefused(Map.of("id", " "), "demo needs id=<value>, a whole number from 1 to 1000: the thing to export");
        assertRefused(Map.of("id", "1", "kind", "b"), "demo: kind=b needs since=");
        assertThat(JOB.validate(Map.of("id", "1", "kind", "b", "since", "2020-01-01")).string("since")).isEqualTo("2020-01-01");
    }

    @Test
    void aLongListOfAllowedValuesIsAbbreviated() {
        List<String> many = List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "B1", "B2", "B3", "B4");

        assertThat(ParameterType.oneOf(many).problem("ZZ"))
                .isEqualTo("expected one of the 13 values A1, A2, A3, A4, ..., B4");
        assertThat(ParameterType.oneOf(many).problem("B4")).isNull();
    }

    private static void assertRefused(Map<String, String> given, String message) {
        assertThatThrownBy(() -> JOB.validate(given)).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
