package io.bikecast.ingest.benchmark;

import io.bikecast.ingest.ExportDocument;
import io.bikecast.ingest.Fixtures;
import io.bikecast.ingest.IngestApi;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the training service's bulk read costs: the whole UCI {@code hour.csv} (17,379 rows of series {@code system})
 * exported through {@code GET /api/v1/ingest/observations/export} from a running service on embedded PostgreSQL, client
 * and server on the same machine. It prints the bytes per row on the wire, the export alone (the body read as bytes)
 * and the export parsed into positional records as the training service's client does, in rows/s and MB/s.
 *
 * <p>With {@code BIKECAST_BENCHMARK_SERIES=N} in the environment it then stores N more series (copies of {@code system} under other ids, so the table holds
 * (N + 1) × 17,379 rows, as N stations would) and times, in that larger table, one series' export and its range from
 * {@code GET /api/v1/ingest/series?series=} against the range of every series from {@code GET /api/v1/ingest/series}.
 * Not a test: run it with
 *
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dbenchmark=io.bikecast.ingest.benchmark.ObservationExportBenchmark
 * BIKECAST_BENCHMARK_SERIES=100 ./mvnw -pl ingest-service test-compile exec:exec \
 *     -Dbenchmark=io.bikecast.ingest.benchmark.ObservationExportBenchmark
 * </pre>
 */
public final class ObservationExportBenchmark {

    private static final String COMMAND = "./mvnw -pl ingest-service test-compile exec:exec"
            + " -Dbenchmark=io.bikecast.ingest.benchmark.ObservationExportBenchmark";
    private static final int ROWS = 17_379;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 10;

    private ObservationExportBenchmark() {}

    public static void main(String[] args) {
        BenchmarkService.runThenExit(() -> {
            String more = System.getenv("BIKECAST_BENCHMARK_SERIES");
            run(more == null || more.isBlank() ? 0 : Integer.parseInt(more.strip()));
        });
    }

    private static void run(int moreSeries) throws Exception {
        try (ConfigurableApplicationContext context = BenchmarkService.start()) {
            int port = BenchmarkService.port(context);
            IngestApi api = new IngestApi(port);
            IngestApi.Answer ingested = api.postCsv("?announceActuals=false", Fixtures.hourCsv());
            if (ingested.status() != 201 || ingested.body().path("rowsInserted").asInt() != ROWS) {
                throw new IllegalStateException("unexpected answer " + ingested.status() + ": " + ingested.text());
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String export = "http://127.0.0.1:" + port + "/api/v1/ingest/observations/export?series=system";

            for (int i = 0; i < WARM_UP; i++) {
                parsed(http, export);
            }
            double[] raw = new double[ROUNDS];
            double[] parsed = new double[ROUNDS];
            long bytes = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                bytes = bytes(http, export).length;
                raw[round] = seconds(start);
                start = System.nanoTime();
                parsed(http, export);
                parsed[round] = seconds(start);
            }
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "GET /api/v1/ingest/observations/export?series=system: %,d rows, %,d bytes = %.1f bytes/row%n"
                            + "  export, body read as bytes     : median %.3f s (best %.3f) = %,.0f rows/s, %.1f MB/s%n"
                            + "  export parsed as training does : median %.3f s (best %.3f) = %,.0f rows/s%n",
                    ROWS,
                    bytes,
                    (double) bytes / ROWS,
                    median(raw),
                    best(raw),
                    ROWS / median(raw),
                    bytes / median(raw) / 1e6,
                    median(parsed),
                    best(parsed),
                    ROWS / median(parsed));

            if (moreSeries > 0) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                long start = System.nanoTime();
                jdbc.update("""
                        INSERT INTO observation (series_id, hour, season, yr, mnth, hr, holiday, weekday, workingday,
                            weathersit, temp, atemp, hum, windspeed, casual, registered, cnt, batch_id, updated_at)
                        SELECT 'station-' || g, hour, season, yr, mnth, hr, holiday, weekday, workingday, weathersit,
                            temp, atemp, hum, windspeed, casual, registered, cnt, batch_id, updated_at
                        FROM observation CROSS JOIN generate_series(1, ?) AS g
                        WHERE series_id = 'system'""", moreSeries);
                jdbc.execute("ANALYZE observation");
                System.out.printf(
                        Locale.ROOT,
                        "%nstored %d more series: %,d rows in the table (%.0f s)%n",
                        moreSeries,
                        (long) (moreSeries + 1) * ROWS,
                        seconds(start));
                String station = "http://127.0.0.1:" + port + "/api/v1/ingest/observations/export?series=station-"
                        + (moreSeries / 2 + 1);
                String one = "http://127.0.0.1:" + port + "/api/v1/ingest/series?series=system";
                String all = "http://127.0.0.1:" + port + "/api/v1/ingest/series";
                for (int i = 0; i < WARM_UP; i++) {
                    parsed(http, station);
                    bytes(http, one);
                }
                double[] stationSeconds = new double[ROUNDS];
                double[] oneSeconds = new double[ROUNDS];
                double[] allSeconds = new double[3];
                for (int round = 0; round < ROUNDS; round++) {
                    start = System.nanoTime();
                    parsed(http, station);
                    stationSeconds[round] = seconds(start);
                    start = System.nanoTime();
                    bytes(http, one);
                    oneSeconds[round] = seconds(start);
                }
                for (int round = 0; round < allSeconds.length; round++) {
                    start = System.nanoTime();
                    bytes(http, all);
                    allSeconds[round] = seconds(start);
                }
                System.out.printf(
                        Locale.ROOT,
                        "  one series' export, parsed        : median %.3f s = %,.0f rows/s%n"
                                + "  GET /api/v1/ingest/series?series= : median %.4f s%n"
                                + "  GET /api/v1/ingest/series (every series, %d) : median %.3f s%n",
                        median(stationSeconds),
                        ROWS / median(stationSeconds),
                        median(oneSeconds),
                        moreSeries + 1,
                        median(allSeconds));
            }
            System.out.println("Rerun: " + COMMAND);
        }
    }

    private static byte[] bytes(HttpClient http, String uri) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .timeout(Duration.ofSeconds(120))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static List<ExportDocument.Row> parsed(HttpClient http, String uri) throws Exception {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .timeout(Duration.ofSeconds(120))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        ExportDocument export;
        try (InputStream body = response.body()) {
            export = ExportDocument.stream(body);
        }
        if (export.count() != ROWS || export.rows().size() != ROWS) {
            throw new IllegalStateException(uri + " exported " + export.count() + " rows, not " + ROWS);
        }
        return export.rows();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double best(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
