package com.pagingetl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import com.pagingetl.config.PropertyCheck;

/**
 * The check of --etl.* arguments knows every settings record: a record added without being listed in
 * {@link JobCatalog#propertyClasses()} would make its own properties "unknown" on the command line.
 */
class EtlPropertiesCatalogTests {

    @Test
    void everyEtlSettingsRecordIsListed() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> etl = scanner.findCandidateComponents("com.pagingetl").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, getClass().getClassLoader()))
                .filter(type -> PropertyCheck.prefix(type).equals("etl") || PropertyCheck.prefix(type).startsWith("etl."))
                .toList();

        assertThat(etl).hasSizeGreaterThanOrEqualTo(5);
        assertThat(JobCatalog.propertyClasses()).containsExactlyInAnyOrderElementsOf(etl);
    }
}
