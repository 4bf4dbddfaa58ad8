package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.testsupport.UciDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite starts every service on real servers, bootstraps a first model from the UCI data, says where everything
 * is, and keeps its data across a restart (where it has nothing left to bootstrap).
 */
class LocalSuiteTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void startsEveryServiceHealthyBootstrapsAModelAndKeepsItsDataAcrossARestart() throws Exception {
        // The data under a name of its own, beside a decoy hour.csv: the bootstrap must read the file it was given.
        Path uci = Files.createDirectories(data.resolve("uci"));
        Path hours = Files.copy(UciDataset.hourCsv(), uci.resolve("capital-bikeshare-2011-2012.csv"));
        List<String> lines = Files.readAllLines(hours);
        Files.write(uci.resolve("hour.csv"), lines.subList(0, 4));
        SuiteSettings settings = FreePortSuites.settings(
                data,
                "suite-key",
                Optional.of(hours.toRealPath()),
                // A small forest keeps the test quick; at full depth it still clears the R² floor on the last week of
                // 2012, a holiday week of little variance (10 trees of depth 10 score R² 0.09 there and are rejected).
                Map.of("bikecast.training.forest.trees", 20));

        try (RunningSuite suite = RunningSuite.start(settings)) {
            for (ServiceDefinition service : settings.services()) {
                assertThat(get(service.baseUrl() + "/actuator/health/liveness"))
                        .as(service.name())
                        .contains("\"UP\"");
            }
            for (ServiceDefinition service : settings.services()) {
                // A fresh suite has no model yet: the prediction service is alive but takes no traffic (503) until
                // one is served; every other service is ready at once.
                assertThat(statusOf(service.baseUrl() + "/actuator/health/readiness"))
                        .as(service.name())
                        .isEqualTo(service.name().equals("prediction-service") ? 503 : 200);
            }
            assertThat(whereEverythingIs(suite, settings))
                    .contains(settings.services().getFirst().baseUrl() + "/swagger-ui.html")
                    .contains("/actuator/prometheus")
                    .contains(settings.dataDirectory().toAbsolutePath().toString());
            ByteArrayOutputStream bootstrapOutput = new ByteArrayOutputStream();
            long champion = new Bootstrap(
                            suite, "suite-key", new PrintStream(bootstrapOutput, true, StandardCharsets.UTF_8))
                    .ensureChampion(settings.uciHourCsv(), Duration.ofMinutes(5));
            assertThat(champion).isEqualTo(1);
            assertThat(statusOf(suite.baseUrl("prediction-service") + "/actuator/health/readiness"))
                    .as("prediction-service, once it serves the bootstrap champion")
                    .isEqualTo(200);
            assertThat(bootstrapOutput.toString(StandardCharsets.UTF_8))
                    .contains("capital-bikeshare-2011-2012.csv")
                    .contains("17379 hours ingested (0 rejected)");
            HttpResponse<String> prediction = http.send(
                    HttpRequest.newBuilder(URI.create(suite.baseUrl("prediction-service") + "/api/v1/predict"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"timestamp\": \"2012-07-04T17:00:00-04:00\","
                                    + " \"temperatureCelsius\": 28, \"feelsLikeCelsius\": 30.5, \"humidityPercent\": 45,"
                                    + " \"windSpeedKmh\": 12.7, \"weatherSituation\": 1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(prediction.statusCode()).as(prediction.body()).isEqualTo(200);
            assertThat(prediction.body()).contains("\"modelVersion\":1").contains("\"predictedCount\"");
            execute(suite.jdbcUrl(), "CREATE TABLE public.restart_marker (note text)");
            execute(suite.jdbcUrl(), "INSERT INTO public.restart_marker VALUES ('kept')");
        }

        try (RunningSuite restarted = RunningSuite.start(settings)) {
            assertThat(queryOne(restarted.jdbcUrl(), "SELECT note FROM public.restart_marker"))
                    .isEqualTo("kept");
            ByteArrayOutputStream secondStart = new ByteArrayOutputStream();
            assertThat(new Bootstrap(restarted, "suite-key", new PrintStream(secondStart, true, StandardCharsets.UTF_8))
                            .ensureChampion(settings.uciHourCsv(), Duration.ofMinutes(1)))
                    .isEqualTo(1);
            assertThat(secondStart.toString(StandardCharsets.UTF_8)).contains("already has champion v1");
            assertThat(queryOne(
                            restarted.jdbcUrl(),
                            "SELECT string_agg(schema_name, ',' ORDER BY schema_name) FROM information_schema.schemata"
                                    + " WHERE schema_name IN ('ingest', 'registry', 'monitoring')"))
                    .isEqualTo("ingest,monitoring,registry");
            // Issue 15, point 17: each service logs in as its own role, which owns its schema and no other.
            assertThat(queryOne(
                            restarted.jdbcUrl(),
                            "SELECT string_agg(nspname || '=' || pg_get_userbyid(nspowner), ',' ORDER BY nspname)"
                                    + " FROM pg_namespace WHERE nspname IN ('ingest', 'registry', 'monitoring')"))
                    .isEqualTo("ingest=ingest_service,monitoring=monitoring_service,registry=training_service");
            assertThat(queryOne(
                            restarted.jdbcUrl(),
                            "SELECT count(*) FROM pg_tables WHERE schemaname IN ('ingest', 'registry', 'monitoring')"
                                    + " AND tableowner NOT IN ('ingest_service', 'training_service',"
                                    + " 'monitoring_service')"))
                    .isEqualTo("0");
            assertThat(queryOne(restarted.jdbcUrl(), """
                            SELECT string_agg(r.role || ' on ' || s.schema, ', ')
                            FROM (VALUES ('ingest_service'), ('training_service'), ('monitoring_service')) r (role),
                                 (VALUES ('ingest'), ('registry'), ('monitoring')) s (schema)
                            WHERE (has_schema_privilege(r.role, s.schema, 'USAGE')
                                   OR has_schema_privilege(r.role, s.schema, 'CREATE'))
                              AND pg_get_userbyid((SELECT nspowner FROM pg_namespace WHERE nspname = s.schema))
                                  <> r.role"""))
                    .as("a service with rights on another's schema")
                    .isNull();
            assertThat(queryOne(
                            restarted.jdbcUrl(),
                            "SELECT bool_or(rolsuper OR rolcreaterole OR rolcreatedb)::text FROM pg_roles"
                                    + " WHERE rolname IN ('ingest_service', 'training_service', 'monitoring_service')"))
                    .isEqualTo("false");
        }
    }

    private static String whereEverythingIs(RunningSuite suite, SuiteSettings settings) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalSuite.printWhereEverythingIs(suite, settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    private int statusOf(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void execute(String jdbcUrl, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryOne(String jdbcUrl, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
