package com.pagingetl.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.pagingetl.launch.UsageException;

/**
 * Checks the {@code --etl.*=value} arguments of a command before Spring starts: a name that no
 * {@code @ConfigurationProperties} record declares is refused (Spring would ignore it silently, and a typo
 * would run with the default), and each value is bound as Spring will bind it, so a bad one is refused in one
 * line naming the property and the expected type instead of Spring's failure report. Only the command line is
 * checked; other {@code etl.*} sources (environment, application.properties) are bound by Spring as before.
 * Stateless.
 */
public final class PropertyCheck {

    private static final String ROOT = "etl";

    private final List<Class<?>> records;

    /**
     * @param records the {@code @ConfigurationProperties} records that together declare every {@code etl.*}
     *                property (a test checks that the list the application passes misses none)
     */
    public PropertyCheck(List<Class<?>> records) {
        for (Class<?> type : records) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + ": etl.* settings are records, whose components"
                        + " name the properties; the command line's check reads nothing else");
            }
        }
        this.records = List.copyOf(records);
    }

    /**
     * @param springArgs the command's {@code --name=value} arguments
     * @throws UsageException naming the unknown property and listing the known ones, or naming a property whose
     *                        value does not convert and its expected type
     */
    public void check(List<String> springArgs) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : springArgs) {
            String name = arg.substring(2, arg.indexOf('='));
            if (name.equals(ROOT) || name.startsWith(ROOT + ".")) {
                // A repeated option reaches Spring as its values joined by commas; bind what Spring will bind.
                given.merge(name, arg.substring(arg.indexOf('=') + 1), (a, b) -> a + "," + b);
            }
        }
        if (given.isEmpty()) {
            return;
        }
        List<String> known = known(records);
        for (String name : given.keySet()) {
            if (!isKnown(name, known)) {
                throw new UsageException("unknown property --" + name + "; the etl.* properties are "
                        + String.join(", ", known));
            }
        }
        Binder binder = new Binder(new MapConfigurationPropertySource(given));
        for (Class<?> type : records) {
            try {
                binder.bind(prefix(type), Bindable.of(type));
            } catch (BindException e) {
                String property = e.getProperty() == null ? e.getName().toString() : e.getProperty().getName().toString();
                Object value = e.getProperty() == null ? null : e.getProperty().getValue();
                throw new UsageException("--" + property + "=" + value + " is not allowed: expected "
                        + expected(e.getTarget().getType().resolve(Object.class)));
            }
        }
    }

    /** Every property name the records declare, a map's entries as {@code <name>.<key>}. */
    private static List<String> known(List<Class<?>> classes) {
        List<String> names = new ArrayList<>();
        classes.forEach(type -> collect(prefix(type), type, names));
        return names;
    }

    private static void collect(String prefix, Class<?> type, List<String> names) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + kebab(c.getName());
            if (c.getType().isRecord()) {
                collect(name, c.getType(), names);
            } else if (Map.class.isAssignableFrom(c.getType())) {
                names.add(name + ".<key>");
            } else {
                names.add(name);
            }
        }
    }

    private static boolean isKnown(String given, List<String> known) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(given, '.');
        for (String k : known) {
            if (k.endsWith(".<key>")) {
                if (ConfigurationPropertyName.of(k.substring(0, k.length() - 6)).isAncestorOf(name)) {
                    return true;
                }
            } else if (ConfigurationPropertyName.of(k).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The prefix of a {@code @ConfigurationProperties} class. */
    public static String prefix(Class<?> type) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not a @ConfigurationProperties class");
        }
        return annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "a duration such as 500ms, 10s or 2m";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Path.class) {
            return "a file or directory path";
        }
        if (type == java.net.URI.class) {
            return "a URL";
        }
        return "a value of type " + type.getSimpleName();
    }
}
