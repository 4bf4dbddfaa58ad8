package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which UCI file the suite bootstraps from: the one the user named, whatever its name, or a clear refusal. */
class SuiteSettingsTest {

    @TempDir
    Path folder;

    @Test
    void aNamedFileIsReadItselfNotTheHourCsvBesideIt() throws Exception {
        Path named = Files.writeString(folder.resolve("capital-bikeshare-hours.csv"), "dteday\n");
        Files.writeString(folder.resolve("hour.csv"), "dteday\n");

        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of(SuiteSettings.HOUR_CSV_ENV, named.toString()));

        assertThat(settings.uciHourCsv()).contains(named.toRealPath());
        assertThat(settings.serviceProperties())
                .containsEntry(
                        "bikecast.ingest.data-directory", folder.toRealPath().toString());
    }

    @Test
    void aNamedFileThatDoesNotExistIsRefusedSayingWhichAndWhatToDo() {
        Path missing = folder.resolve("hours-2012.csv");

        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(Map.of(SuiteSettings.HOUR_CSV_ENV, missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SuiteSettings.HOUR_CSV_ENV)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("is not a file");
    }

    @Test
    void theSuiteRefusesToStartOnAMissingNamedFileInsteadOfDownloading() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = LocalSuite.dispatch(
                List.of(),
                Map.of(SuiteSettings.HOUR_CSV_ENV, folder.resolve("nope.csv").toString()),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.csv").contains("is not a file");
    }
}
