package com.pagingetl.jobs.rapid;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.JobParameterValues;
import com.pagingetl.launch.UsageException;

/** The rapidContent job parameters, parsed and validated; a bad value is a usage error naming the parameter. */
record RapidParameters(String language, String supplySource, List<String> countries, List<String> include,
                       int maxPartitionSize, int concurrency, boolean fullRefresh, LocalDate since) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern FIELD = Pattern.compile("[a-z_]+");

    static RapidParameters of(Map<String, String> p) {
        String language = p.get("language");
        if (!LANGUAGE.matcher(language).matches()) {
            throw new UsageException("language=" + language + " is not a BCP 47 language-country pair such as en-US");
        }
        String supply = p.get("supplySource");
        if (!supply.equals("expedia") && !supply.equals("vrbo")) {
            throw new UsageException("supplySource=" + supply + " must be expedia or vrbo");
        }
        List<String> countries = list(p.get("countries"));
        if (countries.isEmpty()) {
            throw new UsageException("countries= must list at least one ISO 3166 country code, such as US,FR");
        }
        for (String c : countries) {
            if (!COUNTRY.matcher(c).matches()) {
                throw new UsageException("countries: '" + c + "' is not a two-letter upper-case country code");
            }
        }
        List<String> include = list(p.getOrDefault("include", ""));
        for (String i : include) {
            if (!FIELD.matcher(i).matches()) {
                throw new UsageException("include: '" + i + "' is not a property content field name");
            }
        }
        int maxPartitionSize = integer(p, "maxPartitionSize", 1, Integer.MAX_VALUE);
        int concurrency = integer(p, "concurrency", 1, 32);
        String full = p.get("fullRefresh");
        if (!full.equals("true") && !full.equals("false")) {
            throw new UsageException("fullRefresh=" + full + " must be true or false");
        }
        LocalDate since = null;
        String sinceText = p.getOrDefault("since", "");
        if (!sinceText.isBlank()) {
            try {
                since = LocalDate.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw new UsageException("since=" + sinceText + " is not a date of the form YYYY-MM-DD");
            }
            // A future date would make an "incremental" run of nothing that still moves the watermark to today, so
            // that everything older is never exported. The latest time zone's today is the latest valid date.
            if (since.isAfter(LocalDate.now(ZoneOffset.MAX))) {
                throw new UsageException("since=" + sinceText + " is in the future: no property can have been updated"
                        + " since then, and the run would move the watermark past everything older");
            }
        }
        return new RapidParameters(language, supply, countries, include, maxPartitionSize, concurrency,
                Boolean.parseBoolean(full), since);
    }

    static RapidParameters of(JobParameters jobParameters) {
        return of(JobParameterValues.asMap(jobParameters));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(Map<String, String> p, String name, int min, int max) {
        String v = p.get(name);
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + "=" + v + " must be a whole number from " + min + " to " + max);
        }
    }
}
