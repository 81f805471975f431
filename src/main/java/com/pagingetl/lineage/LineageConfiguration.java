package com.pagingetl.lineage;

import java.net.URI;
import java.time.Duration;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.pagingetl.config.EtlProperties;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.HttpSettings;
import com.pagingetl.jobs.demarches.DemarchesDossiersJob;
import com.pagingetl.jobs.rapid.RapidContentJob;
import com.pagingetl.jobs.systax.SystaxRulesJob;
import com.pagingetl.jobs.tdg.TdgVersionsJob;
import com.pagingetl.launch.UsageException;

/**
 * OpenLineage run events, only when {@code etl.openlineage.url} is set: every job of the context posts START and
 * COMPLETE, FAIL or ABORT there ({@link LineageListener}), in job namespace {@code etl.openlineage.namespace}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("etl.openlineage.url")
public class LineageConfiguration {

    @Bean
    static BeanPostProcessor lineageRegistrar(ObjectProvider<EtlProperties> properties, ObjectProvider<JobRepository> repository,
                                              Environment environment) {
        return new BeanPostProcessor() {
            private LineageListener listener;

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    if (listener == null) {
                        listener = listener(properties.getObject(), repository.getObject(), environment);
                    }
                    job.registerJobExecutionListener(listener);
                }
                return bean;
            }
        };
    }

    private static LineageListener listener(EtlProperties properties, JobRepository repository, Environment environment) {
        URI endpoint = endpoint(properties.openlineage().url());
        HttpSettings http = properties.http().settings();
        // A lineage endpoint that is down must not hold the run's end for the minutes the API's retries may take.
        HttpSettings settings = new HttpSettings(http.connectTimeout(), Duration.ofSeconds(30), Math.min(3, http.maxAttempts()),
                http.initialBackoff(), Duration.ofSeconds(5), Duration.ofSeconds(5), 0, http.userAgent());
        return new LineageListener(new ApiHttpClient(settings, endpoint), endpoint,
                new RunEvents(properties.openlineage().namespace()), repository, job -> input(job, environment));
    }

    static URI endpoint(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the property's name
        }
        throw new UsageException("etl.openlineage.url=" + url + " must be an http:// or https:// URL without user info,"
                + " e.g. http://marquez:5000/api/v1/lineage");
    }

    /** The API a job reads as a dataset: namespace its origin, name the endpoint path it pages. */
    static RunEvents.Input input(String job, Environment environment) {
        String prefix;
        String endpoint;
        switch (job) {
            case RapidContentJob.NAME -> {
                prefix = "etl.jobs.rapid-content.";
                endpoint = "/v3/properties/content";
            }
            case DemarchesDossiersJob.NAME -> {
                prefix = "etl.jobs.demarches-dossiers.";
                endpoint = "/api/v2/graphql";
            }
            case SystaxRulesJob.NAME -> {
                prefix = "etl.jobs.systax-rules.";
                endpoint = environment.getProperty(prefix + "rules-path", "/api/v1/regras");
            }
            case TdgVersionsJob.NAME -> {
                prefix = "etl.jobs.tdg-versions.";
                endpoint = "/graphql";
            }
            default -> {
                return null;
            }
        }
        String base = environment.getProperty(prefix + "base-url", "");
        try {
            URI uri = URI.create(base.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new RunEvents.Input(URI.create(origin), path + endpoint);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
