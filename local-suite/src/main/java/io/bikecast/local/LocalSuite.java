package io.bikecast.local;

import io.bikecast.local.simulation.GbfsSimulator;
import io.bikecast.local.simulation.SimulationSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole bikecast suite on this machine without Docker: an embedded PostgreSQL that keeps its data in
 * {@code .local/}, an embedded KRaft Kafka broker, the four services on their usual ports and the console on 8084. On a first start it
 * ingests the UCI data set, trains the first model and promotes it. Ctrl-C stops it all cleanly.
 */
public final class LocalSuite {

    private LocalSuite() {}

    /** How long a first start may take to ingest the data, train the first model and serve it. */
    static final Duration BOOTSTRAP_TIMEOUT = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        int exitCode = dispatch(List.of(args), System.getenv(), System.out, System.err);
        if (exitCode != RUNNING) {
            // The services' non-daemon threads would keep the JVM alive after a backtest or a refusal.
            System.exit(exitCode);
        }
    }

    /** Returned by {@link #dispatch} when the suite was started and runs until Ctrl-C. */
    static final int RUNNING = -1;

    /**
     * Runs what the arguments ask for: no argument, the suite; {@code --simulate-gbfs N ...}, the suite with a
     * simulated GBFS system; {@code backtest ...}, a backtest; {@code help}, the usage; anything else, the usage and
     * exit code 2.
     */
    static int dispatch(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            SuiteSettings settings;
            try {
                settings = SuiteSettings.fromEnvironment(env);
            } catch (IllegalArgumentException e) {
                err.println("bikecast: " + e.getMessage());
                return BacktestCommand.FAILED;
            }
            runSuite(settings, null);
            return RUNNING;
        }
        if (args.getFirst().startsWith("--simulate")) {
            SuiteSettings settings;
            SimulationSettings simulation;
            try {
                settings = SuiteSettings.fromEnvironment(env);
                simulation = SimulationSettings.parse(args);
            } catch (IllegalArgumentException e) {
                err.println("bikecast: " + e.getMessage());
                err.println(BacktestCommand.USAGE_TEXT);
                return BacktestCommand.USAGE;
            }
            GbfsSimulator simulator;
            try {
                simulator = SimulatedGbfs.start(simulation, settings, out);
            } catch (IllegalArgumentException e) {
                err.println("bikecast: " + e.getMessage());
                return BacktestCommand.FAILED;
            }
            runSuite(settings, simulator);
            return RUNNING;
        }
        return switch (args.getFirst()) {
            case "backtest" -> BacktestCommand.run(args.subList(1, args.size()), env, out, err);
            case "help", "--help", "-h" -> {
                out.println(BacktestCommand.USAGE_TEXT);
                yield BacktestCommand.OK;
            }
            default -> {
                err.println("bikecast: unknown command " + args.getFirst());
                err.println(BacktestCommand.USAGE_TEXT);
                yield BacktestCommand.USAGE;
            }
        };
    }

    /** Runs the suite until Ctrl-C; with a simulator, polling its simulated GBFS system, which it closes after. */
    private static void runSuite(SuiteSettings settings, @Nullable GbfsSimulator simulator) throws Exception {
        RunningSuite suite;
        try {
            suite = RunningSuite.start(simulator == null ? settings : SimulatedGbfs.polling(settings, simulator));
        } catch (RuntimeException e) {
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping bikecast...");
                            suite.close();
                            if (simulator != null) {
                                simulator.close();
                            }
                            stopped.countDown();
                        },
                        "bikecast-local-suite-stop"));
        if (simulator != null) {
            // Before the bootstrap's minute of training, so that the stations' hours publish as they close.
            simulator.backfillWeather(suite.baseUrl("ingest-service"), settings.apiKey());
        }
        new Bootstrap(suite, settings.apiKey(), System.out).ensureChampion(settings.uciHourCsv(), BOOTSTRAP_TIMEOUT);
        printWhereEverythingIs(suite, settings, System.out);
        if (simulator != null) {
            SimulatedGbfs.printWhereToWatch(suite, simulator, System.out);
            new StationFamilyTraining(suite, simulator, settings.apiKey(), System.out).startWhenReplayed();
        }
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
            if (service.name().equals("console")) {
                out.printf("  %-20s %s  (the operators' web console)%n", service.name(), service.baseUrl());
                continue;
            }
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
