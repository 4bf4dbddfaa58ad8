package io.bikecast.monitoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each service is the only reader and writer of its own data: monitoring reads the training service's registry only
 * through its HTTP API (registry-client), never through the training service's registry reader or the {@code registry}
 * schema's tables, so the training service can change its tables without breaking monitoring.
 */
class SchemaOwnershipTest {

    /**
     * A table of the {@code registry} schema in SQL, a string or a comment ({@code registry.model_version}, {@code
     * FROM registry.}…), or the schema handed to Flyway or a connection; not a variable called {@code registry}.
     */
    private static final Pattern REGISTRY_SCHEMA = Pattern.compile(
            "(?i)(?<![\\w.])registry\\s*\\.\\s*(training_run|model_version|model_alias|alias_history|outbox)\\b"
                    + "|\\b(from|join|into|update|table)\\s+registry\\s*\\."
                    + "|\\b(schemas?|search_path|currentSchema)\\b[^\\n]*\\bregistry\\b"
                    + "|db/migration/registry");

    @Test
    void noClassUsesTheTrainingServicesCode() {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bikecast.monitoring");
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.bikecast.training..")
                .check(service);
    }

    @Test
    void neitherTheRegistryReaderNorTheRegistryMigrationsAreOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("io.bikecast.training.registry.ModelRegistryReader"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(SchemaOwnershipTest.class.getResource("/db/migration/registry/V1__model_versions.sql"))
                .isNull();
    }

    @Test
    void noMainSourceOrSettingNamesTheRegistrySchema() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            offending = files.filter(Files::isRegularFile)
                    .filter(file -> REGISTRY_SCHEMA.matcher(read(file)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
