package com.pagingetl.jobs.rapid;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.batch.core.job.Job;

import com.pagingetl.launch.AbstractEtlJob;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.ParameterSpec;
import com.pagingetl.launch.ParameterType;
import com.pagingetl.output.RunLayout;

/** rapidContent as the launcher sees it: descriptor, parameter validation, secrets to redact. */
public final class RapidContentJob extends AbstractEtlJob {

    public static final String NAME = "rapidContent";

    /** Every country code of the Rapid pagination guide's ParallelFileMaker. */
    static final List<String> COUNTRIES = List.of("AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT",
            "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR",
            "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR",
            "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET",
            "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ",
            "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ",
            "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA",
            "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML",
            "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG",
            "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS",
            "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK",
            "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL",
            "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
            "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW");

    /** Property categories 0..44, as in the guide. */
    static final List<String> CATEGORIES = IntStream.rangeClosed(0, 44).mapToObj(Integer::toString).toList();

    public static final JobDescriptor DESCRIPTOR = new JobDescriptor(NAME,
            "Expedia Rapid property content, split by country and category into parallel partitions",
            "rapid",
            List.of(
                    ParameterSpec.scope("language", ParameterType.matching(RapidParameters.LANGUAGE,
                            "a BCP 47 language-country pair such as en-US"), "en-US", "content language (BCP 47)"),
                    ParameterSpec.scope("supplySource", ParameterType.oneOf("expedia", "vrbo"), "expedia",
                            "expedia or vrbo"),
                    ParameterSpec.scope("countries", ParameterType.listOf(ParameterType.oneOf(COUNTRIES)),
                            String.join(",", COUNTRIES), "comma-separated ISO 3166 country codes the Rapid API knows"),
                    ParameterSpec.option("include", ParameterType.listOf(ParameterType.matching(RapidParameters.FIELD,
                            "a property content field name (lower case letters and _)")), "",
                            "comma-separated top-level fields to return (empty: all)"),
                    ParameterSpec.option("maxPartitionSize", ParameterType.integer(1, Integer.MAX_VALUE), "20000",
                            "a country above this many results is split by category, a slice by star rating;"
                                    + " neighbouring countries (or categories) holding a tenth of it at most are read"
                                    + " together"),
                    ParameterSpec.option("concurrency", ParameterType.integer(1, 32), "4", "partitions read at once (1-32)"),
                    ParameterSpec.option("fullRefresh", ParameterType.bool(), "false",
                            "true: ignore the watermark and extract everything"),
                    ParameterSpec.option("since", ParameterType.date(), "",
                            "YYYY-MM-DD, not in the future: date_updated_start to use instead of the watermark")),
            List.of("RAPID_BASE_URL / etl.jobs.rapid-content.base-url   API origin [https://api.ean.com]",
                    "RAPID_API_KEY / etl.jobs.rapid-content.api-key      API key (secret)",
                    "RAPID_SHARED_SECRET / etl.jobs.rapid-content.shared-secret   shared secret (secret)",
                    "etl.jobs.rapid-content.chunk-size [500], .max-restarts [3], .link-safety-margin [5s]"));

    private final RapidProperties properties;

    RapidContentJob(Job job, RapidProperties properties, RunLayout layout) {
        super(DESCRIPTOR, job, layout);
        this.properties = properties;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        properties.validate();
        RapidParameters.of(parameters);
    }

    @Override
    public String label(Map<String, String> parameters) {
        List<String> countries = List.of(parameters.get("countries").split(","));
        String where = countries.equals(COUNTRIES) ? "" : "-" + (countries.size() <= 4 ? String.join("_", countries)
                : countries.get(0) + "_and_" + (countries.size() - 1) + "_more");
        return parameters.get("language") + "-" + parameters.get("supplySource") + where;
    }

    @Override
    public List<String> secrets() {
        return java.util.Arrays.asList(properties.apiKey(), properties.sharedSecret());
    }
}
