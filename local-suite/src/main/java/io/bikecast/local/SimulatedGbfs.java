package io.bikecast.local;

import io.bikecast.local.simulation.GbfsSimulator;
import io.bikecast.local.simulation.SimulatedHour;
import io.bikecast.local.simulation.SimulationSettings;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/local-suite --simulate-gbfs N}: the suite with a simulated bike-share system of its own, whose feed the
 * ingest service polls like a real one ({@link GbfsSimulator}).
 */
final class SimulatedGbfs {

    private SimulatedGbfs() {}

    /** The rows of {@code hour.csv} as the simulator replays them. */
    static List<SimulatedHour> hoursOf(UciHourCsv csv) {
        return csv.hours().stream()
                .map(row -> new SimulatedHour(
                        row.hour(), row.cnt(), row.weathersit(), row.temp(), row.atemp(), row.hum(), row.windspeed()))
                .toList();
    }

    /** Starts the simulator on the suite's {@code hour.csv}; the caller closes it after the suite. */
    static GbfsSimulator start(SimulationSettings simulation, SuiteSettings settings, PrintStream out) {
        UciHourCsv csv = UciHourCsv.read(settings.uciHourCsv()
                .orElseThrow(() -> new IllegalArgumentException("the GBFS simulation replays a local copy of the UCI"
                        + " hourly data: none at " + SuiteSettings.SHARED_UCI_DIRECTORY.resolve("hour.csv") + "; set "
                        + SuiteSettings.HOUR_CSV_ENV + " to its path")));
        List<SimulatedHour> hours = hoursOf(csv);
        LocalDate first = hours.getFirst().hour().toLocalDate();
        LocalDate last = hours.getLast().hour().toLocalDate();
        // Beyond the data there is neither demand nor weather to replay; none is made up.
        if (simulation.from().isBefore(first) || simulation.to().isAfter(last.plusDays(1))) {
            throw new IllegalArgumentException("the simulated window " + simulation.from() + " to " + simulation.to()
                    + " is not inside hour.csv's days, " + first + " to " + last
                    + "; choose --simulate-from and --simulate-days within them");
        }
        return GbfsSimulator.start(simulation, hours, out::println);
    }

    /**
     * The suite's settings with the ingest service polling the simulator, and the stations a model family: trained
     * as one global model over every {@code <system>-*} series, served for them beside the system's model, and
     * monitored (drift checks, live error, retraining requests) on its own.
     */
    static SuiteSettings polling(SuiteSettings settings, GbfsSimulator simulator) {
        String system = simulator.settings().systemId();
        int holdoutDays = holdoutDays(simulator.settings());
        // The family's own window: the default model's 7-day holdout would leave a simulated week nothing to fit on
        // when monitoring asks for a retraining.
        Map<String, Object> training = Map.of(
                "bikecast.training.families[0].model-name",
                familyOf(system),
                "bikecast.training.families[0].series-id",
                system + "-*",
                "bikecast.training.families[0].window.holdout-days",
                holdoutDays,
                "bikecast.training.families[0].window.min-holdout-hours",
                24 * holdoutDays);
        Map<String, Object> prediction = Map.of(
                "bikecast.prediction.families[0].model-name",
                familyOf(system),
                "bikecast.prediction.families[0].series-prefix",
                system + "-");
        Map<String, Object> monitoring = Map.of(
                "bikecast.monitoring.families[0].model-name",
                familyOf(system),
                "bikecast.monitoring.families[0].series-prefix",
                system + "-");
        List<ServiceDefinition> services = settings.services().stream()
                .map(service -> switch (service.name()) {
                    case "ingest-service" -> service.withProperties(simulator.ingestProperties());
                    case "training-service" -> service.withProperties(training);
                    case "prediction-service" -> service.withProperties(prediction);
                    case "monitoring-service" -> service.withProperties(monitoring);
                    default -> service;
                })
                .toList();
        return new SuiteSettings(
                settings.dataDirectory(),
                settings.postgresPort(),
                settings.kafkaPort(),
                services,
                settings.apiKey(),
                settings.uciHourCsv(),
                settings.properties());
    }

    /** The days a run of the simulated family is judged on: the last third of the window, at least one. */
    static int holdoutDays(SimulationSettings simulation) {
        return Math.max(1, (int) ChronoUnit.DAYS.between(simulation.from(), simulation.to()) / 3);
    }

    /** The registry name of the model family of a simulated system's stations. */
    static String familyOf(String system) {
        return system + "-stations";
    }

    /** What to look at while it replays. */
    static void printWhereToWatch(RunningSuite suite, GbfsSimulator simulator, PrintStream out) {
        String system = simulator.settings().systemId();
        String ingest = suite.baseUrl("ingest-service");
        out.println("  GBFS simulation  " + simulator.autoDiscoveryUrl() + "  (progress: " + simulator.baseUrl()
                + "/simulation.json)");
        out.println("    stations       curl -s " + ingest + "/api/v1/gbfs/systems/" + system + "/stations");
        out.println("    station hours  curl -s '" + ingest + "/api/v1/gbfs/systems/" + system + "/station-hours?from="
                + simulator.start() + "&to=" + simulator.end() + "'");
        out.println("    observations   curl -s '" + ingest + "/api/v1/ingest/observations?series=" + system + "-"
                + simulator.stationIds().getFirst() + "&from="
                + simulator.settings().from() + "T00:00&to="
                + simulator.settings().to() + "T00:00'");
        out.println("    forecasts      curl -s '" + suite.baseUrl("prediction-service")
                + "/api/v1/forecast/series?prefix=" + system + "-&hours=24'  (once " + familyOf(system)
                + " is trained, after the replay)");
        out.println();
    }
}
