package com.pagingetl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code --version}: the project version, from {@code etl-version.properties}, which Maven resource filtering
 * writes at build time. Read without Spring.
 */
record BuildInfo(String version) {

    static final String RESOURCE = "/etl-version.properties";

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A jar whose build resources cannot be read still answers --version, with "unknown".
        }
        return new BuildInfo(properties.getProperty("version", "unknown"));
    }

    String describe() {
        return "paging-etl " + version;
    }
}
