package io.bikecast.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/local-suite backtest}: reads the arguments and the environment, runs a {@link Backtest}, writes its
 * reports and prints a summary. Nothing else: the work is the driver's.
 */
final class BacktestCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String LOG_FILE = "suite.log";

    static final String USAGE_TEXT = """
            usage: bin/local-suite                       run the whole suite on its usual ports
                   bin/local-suite --simulate-gbfs N [--simulate-from YYYY-MM-DD] [--simulate-days D]
                                   [--simulate-poll-interval 1s] [--simulate-seed S]
                                                         the suite with a simulated GBFS system of N stations
                   bin/local-suite backtest [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--policy on|off] [--out DIR]

            backtest replays the UCI hours from --from (default 2012-09-01) up to --to (exclusive, default
            2013-01-01) through a fresh suite of its own on free ports, on the data clock, after bootstrapping a
            champion on the hours before --from; --policy off turns monitoring's retraining policy off (default
            on). It writes DIR/backtest.json, DIR/backtest.html, DIR/backtest-hours.csv and the services' log
            DIR/suite.log; DIR (default .local/backtest/<from>_<to>_<policy>) is wiped first.

            --simulate-gbfs serves N stations on 127.0.0.1 whose snapshots replay hour.csv's counts from
            --simulate-from (default 2012-09-01) for --simulate-days (default 7), one snapshot per poll of ingest
            (every --simulate-poll-interval, default 1s), with the window's weather; ingest polls it as system
            'sim' and turns its closed station hours into observations of the series sim-<station_id>.""";

    /** The parsed command line. */
    record Arguments(LocalDate from, LocalDate to, boolean policyOn, Path out) {

        static Arguments parse(List<String> args, Path localData) {
            LocalDate from = LocalDate.of(2012, 9, 1);
            LocalDate to = LocalDate.of(2013, 1, 1);
            boolean policyOn = true;
            Path out = null;
            for (int i = 0; i < args.size(); i += 2) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                String value = args.get(i + 1);
                switch (name) {
                    case "--from" -> from = date(name, value);
                    case "--to" -> to = date(name, value);
                    case "--policy" ->
                        policyOn = switch (value) {
                            case "on" -> true;
                            case "off" -> false;
                            default -> throw new UsageException("--policy is on or off, not " + value);
                        };
                    case "--out" -> out = Path.of(value);
                    default -> throw new UsageException("unknown argument " + name);
                }
            }
            if (!from.isBefore(to)) {
                throw new UsageException("--from " + from + " must be before --to " + to);
            }
            return new Arguments(
                    from,
                    to,
                    policyOn,
                    out != null ? out : BacktestSettings.defaultDirectory(localData, from, to, policyOn));
        }

        private static LocalDate date(String name, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new UsageException(name + " is a date like 2012-09-01, not " + value);
            }
        }
    }

    /** A command line that cannot be run; its message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private BacktestCommand() {}

    /** The services log to a file in the directory, and only errors to the console, between the progress lines. */
    private static Map<String, Object> quietConsole(Path directory) {
        return Map.of(
                "logging.file.name",
                directory.resolve(LOG_FILE).toAbsolutePath().toString(),
                "logging.threshold.console",
                "ERROR",
                "spring.main.banner-mode",
                "off");
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, Path.of(env.getOrDefault("BIKECAST_LOCAL_DATA", ".local")));
        } catch (UsageException e) {
            err.println("bikecast: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            Path hourCsv = SuiteSettings.uciHourCsv(env.get(SuiteSettings.HOUR_CSV_ENV))
                    .orElseThrow(() -> new IllegalArgumentException("the backtest replays a local copy of the UCI"
                            + " hourly data: none at " + SuiteSettings.SHARED_UCI_DIRECTORY.resolve("hour.csv")
                            + "; set " + SuiteSettings.HOUR_CSV_ENV + " to its path"));
            BacktestSettings settings = new BacktestSettings(
                    arguments.from(),
                    arguments.to(),
                    arguments.policyOn(),
                    arguments.out(),
                    hourCsv,
                    env.getOrDefault("BIKECAST_API_KEY", SuiteSettings.DEFAULT_API_KEY),
                    quietConsole(arguments.out()),
                    BacktestSettings.DEFAULT_STEP_TIMEOUT);
            out.println(
                    "bikecast backtest " + settings.from() + " to " + settings.to() + ", policy " + settings.policy()
                            + ", data clock; reports in " + settings.directory().toAbsolutePath());
            BacktestResult result =
                    new Backtest(settings, new ProgressLine(out, ProgressLine.stdoutIsTerminal())).run();
            BacktestJson.write(result, settings.directory());
            BacktestPage.write(result, settings.directory());
            BacktestSummary.print(result, settings.directory(), out);
            return OK;
        } catch (RuntimeException e) {
            err.println();
            err.println("bikecast: the backtest failed: " + e.getMessage());
            return FAILED;
        }
    }
}
