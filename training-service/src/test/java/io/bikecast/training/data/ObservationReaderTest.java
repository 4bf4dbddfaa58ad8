package io.bikecast.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.FakeIngest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClientException;

/**
 * The reader of the ingest service's API against a fake of that API: the same rows, bounds and order the JDBC reader
 * gave (so the same data gives the same dataset version and the same model), and a clear failure instead of a partial
 * training set when the service is down or its answer is cut off.
 */
class ObservationReaderTest {

    private FakeIngest ingest;
    private ObservationReader reader;

    @BeforeEach
    void startTheIngestService() {
        ingest = FakeIngest.start();
        reader = new ObservationReader(
                new IngestProperties(URI.create(ingest.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    @AfterEach
    void stopIt() {
        ingest.close();
    }

    @Test
    void readsEveryRowOfTheUciFileExactlyAsStoredOldestFirst() {
        assertThat(reader.latestHour("system")).isEmpty();
        assertThat(reader.read("system", null)).isEmpty();

        ingest.store(LocalDate.of(2011, 1, 1), LocalDate.of(2013, 1, 1));

        List<TrainingRow> rows = reader.read("system", null);
        List<TrainingRow> expected = uci(hour -> true);
        assertThat(rows).hasSize(17_379).containsExactlyElementsOf(expected);
        // Bit for bit what the file says, through JSON: the same data keeps its dataset version.
        assertThat(DatasetVersion.of(rows)).isEqualTo(DatasetVersion.of(expected));
        assertThat(reader.latestHour("system")).contains(LocalDateTime.of(2012, 12, 31, 23, 0));
        assertThat(reader.latestHour("another-series")).isEmpty();
        assertThat(reader.read("another-series", null)).isEmpty();
    }

    @Test
    void keepsTheBoundsOfEachReadMethod() {
        ingest.store(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 4, 1));
        LocalDateTime from = LocalDateTime.of(2011, 3, 10, 5, 0);
        LocalDateTime to = LocalDateTime.of(2011, 3, 12, 17, 0);

        assertThat(reader.read("system", from))
                .containsExactlyElementsOf(
                        uci(hour -> !hour.isBefore(from) && hour.isBefore(LocalDateTime.of(2011, 4, 1, 0, 0))));
        // read(series, from, to): both inclusive.
        List<TrainingRow> inclusive = reader.read("system", from, to);
        assertThat(inclusive).containsExactlyElementsOf(uci(hour -> !hour.isBefore(from) && !hour.isAfter(to)));
        assertThat(inclusive.getFirst().hour()).isEqualTo(from);
        assertThat(inclusive.getLast().hour()).isEqualTo(to);
        assertThat(reader.read("system", null, to).getFirst().hour()).isEqualTo(LocalDateTime.of(2011, 3, 1, 0, 0));
        // readRange: from inclusive, to exclusive.
        List<TrainingRow> range = reader.readRange("system", from, to);
        assertThat(range).containsExactlyElementsOf(uci(hour -> !hour.isBefore(from) && hour.isBefore(to)));
        assertThat(range.getLast().hour()).isEqualTo(to.minusHours(1));
        assertThat(reader.readRange("system", LocalDateTime.of(2030, 1, 1, 0, 0), LocalDateTime.of(2030, 2, 1, 0, 0)))
                .isEmpty();
    }

    @Test
    void anIngestServiceThatIsDownIsAClearFailureNamingWhereItWasLookedFor() {
        ingest.store(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 3, 2));
        ingest.stop();

        assertThatThrownBy(() -> reader.latestHour("system"))
                .isInstanceOf(IngestUnavailableException.class)
                .hasMessageContaining("the ingest service at " + ingest.baseUrl())
                .hasMessageContaining("did not answer GET /api/v1/ingest/series?series=system")
                .hasMessageContaining("bikecast.training.ingest.base-url (BIKECAST_INGEST_URL)")
                .hasCauseInstanceOf(RestClientException.class);
        assertThatThrownBy(() -> reader.read("system", LocalDateTime.of(2011, 3, 1, 0, 0)))
                .isInstanceOf(IngestUnavailableException.class)
                .hasMessageContaining("GET /api/v1/ingest/observations/export?series=system&from=2011-03-01T00:00:00");

        ingest.restart();
        assertThat(reader.read("system", null)).hasSize(24);
    }

    @Test
    void anExportCutOffMidwayIsRefusedNotTrainedOn() {
        ingest.store(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 4, 1));
        ingest.cutExportsAfter(100);

        assertThatThrownBy(() -> reader.read("system", null))
                .isInstanceOf(IngestUnavailableException.class)
                .hasMessageContaining("/api/v1/ingest/observations/export?series=system")
                .hasMessageContaining("with nothing training can use: its answer cannot be read, cut off midway");

        ingest.cutExportsAfter(0);
        assertThatThrownBy(() -> reader.readRange(
                        "system", LocalDateTime.of(2011, 3, 1, 0, 0), LocalDateTime.of(2011, 3, 2, 0, 0)))
                .isInstanceOf(IngestUnavailableException.class);

        ingest.cutExportsAfter(-1);
        assertThat(reader.read("system", null))
                .hasSize(uci(hour -> hour.getMonthValue() == 3 && hour.getYear() == 2011)
                        .size());
    }

    private static List<TrainingRow> uci(Predicate<LocalDateTime> hours) {
        return UciDataset.hours().stream()
                .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
                .filter(row -> hours.test(row.hour()))
                .toList();
    }
}
