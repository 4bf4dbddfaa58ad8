package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The service as deployed (its runtime classpath, written by the build, plus its own classes) has no database: no JDBC
 * driver, no connection pool, no Spring JDBC, and no Boot DataSource auto-configuration. The test classpath still has
 * a driver (the shared test infrastructure creates a database per test class with it), so this looks at the runtime
 * classpath in a class loader of its own.
 */
class RuntimeClasspathTest {

    @Test
    void theRuntimeClasspathHoldsNoJdbcDriverNorDataSourceSupport() throws IOException, ClassNotFoundException {
        try (URLClassLoader runtime = runtimeClassLoader()) {
            assertThat(runtime.loadClass("io.bikecast.prediction.PredictionApplication"))
                    .as("the service's own classes are on it")
                    .isNotNull();
            assertThat(runtime.loadClass("io.bikecast.registry.client.TrainingRegistryClient"))
                    .isNotNull();
            for (String absent : List.of(
                    "org.postgresql.Driver",
                    "com.zaxxer.hikari.HikariDataSource",
                    "org.springframework.jdbc.core.JdbcTemplate",
                    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                    "org.flywaydb.core.Flyway")) {
                assertThatThrownBy(() -> Class.forName(absent, false, runtime))
                        .as(absent)
                        .isInstanceOf(ClassNotFoundException.class);
            }
            assertThat(ServiceLoader.load(Driver.class, runtime).stream().toList())
                    .as("JDBC drivers registered on the runtime classpath")
                    .isEmpty();
        }
    }

    private static URLClassLoader runtimeClassLoader() throws IOException {
        String listing = System.getProperty("bikecast.runtime.classpath");
        assertThat(listing)
                .as("system property bikecast.runtime.classpath, set by the build")
                .isNotNull();
        List<URL> urls = new ArrayList<>();
        urls.add(url(Path.of(PredictionApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath())));
        for (String entry : Files.readString(Path.of(listing)).trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(url(Path.of(entry)));
            }
        }
        // The platform class loader, not the test one: only the JDK and what is listed are visible.
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
