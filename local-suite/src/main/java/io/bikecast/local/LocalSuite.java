package io.bikecast.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole bikecast suite on this machine without Docker: an embedded PostgreSQL that keeps its data in
 * {@code .local/}, an embedded KRaft Kafka broker, and the four services on their usual ports. On a first start it
 * ingests the UCI data set, trains the first model and promotes it. Ctrl-C stops it all cleanly.
 */
public final class LocalSuite {

    private LocalSuite() {}

    /** How long a first start may take to ingest the data, train the first model and serve it. */
    static final Duration BOOTSTRAP_TIMEOUT = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv());
        RunningSuite suite = RunningSuite.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping bikecast...");
                            suite.close();
                            stopped.countDown();
                        },
                        "bikecast-local-suite-stop"));
        new Bootstrap(suite, settings.apiKey(), System.out).ensureChampion(settings.uciDirectory(), BOOTSTRAP_TIMEOUT);
        printWhereEverythingIs(suite, settings, System.out);
        System.out.println("Try:  curl -s " + suite.baseUrl("prediction-service") + "/api/v1/predict"
                + " -H 'Content-Type: application/json' -d '{\"timestamp\": \"2012-07-04T17:00:00-04:00\","
                + " \"temperatureCelsius\": 28, \"feelsLikeCelsius\": 30.5, \"humidityPercent\": 45,"
                + " \"windSpeedKmh\": 12.7, \"weatherSituation\": 1}'");
        stopped.await();
    }

    static void printWhereEverythingIs(RunningSuite suite, SuiteSettings settings, PrintStream out) {
        out.println();
        out.println("bikecast is running. Press Ctrl-C to stop.");
        out.println();
        out.printf("  %-20s %-24s %-40s %s%n", "service", "API", "API docs", "metrics");
        for (ServiceDefinition service : suite.services()) {
            out.printf(
                    "  %-20s %-24s %-40s %s%n",
                    service.name(),
                    service.baseUrl(),
                    service.baseUrl() + "/swagger-ui.html",
                    service.baseUrl() + "/actuator/prometheus");
        }
        out.println();
        out.println("  PostgreSQL  " + suite.jdbcUrl() + "  (data in "
                + settings.dataDirectory().toAbsolutePath() + ")");
        out.println("  Kafka       " + suite.kafkaBootstrapServers());
        out.println();
    }
}
