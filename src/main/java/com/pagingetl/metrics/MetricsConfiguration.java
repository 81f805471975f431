package com.pagingetl.metrics;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.pagingetl.config.EtlProperties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Metrics, only when {@code etl.metrics.pushgateway-url} is set: nothing of this, and no Prometheus class, is
 * loaded otherwise. The {@link ObservationRegistry} bean is what Spring Batch looks for to observe its jobs and
 * steps ({@code spring_batch_job_seconds}, {@code spring_batch_step_seconds}, {@code spring_batch_item_read_seconds},
 * {@code spring_batch_chunk_write_seconds}...); {@link EtlMeters} adds the jobs' own; everything is pushed when the
 * context closes, after the run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("etl.metrics.pushgateway-url")
public class MetricsConfiguration {

    @Bean(destroyMethod = "close")
    PushgatewayExport pushgatewayExport(EtlProperties properties) {
        PushgatewayExport export = new PushgatewayExport(properties.metrics().pushgatewayUrl());
        EtlMeters.bind(export.registry());
        return export;
    }

    @Bean
    MeterRegistry etlMeterRegistry(PushgatewayExport export) {
        return export.registry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry etlMeterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(etlMeterRegistry));
        return registry;
    }

    /** Every job of the context reports its run's outcome to the export. */
    @Bean
    static BeanPostProcessor runMetricsRegistrar(ObjectProvider<PushgatewayExport> export) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    PushgatewayExport e = export.getObject();
                    RunMetricsListener listener = new RunMetricsListener(e.registry());
                    e.watch(listener);
                    job.registerJobExecutionListener(listener);
                }
                return bean;
            }
        };
    }
}
