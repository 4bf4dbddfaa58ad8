package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.testsupport.UciDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/local-suite backtest} as a user runs it: a short replay through a real suite with the policy off must
 * serve the bootstrap champion all along and score like it; the command line refuses what it cannot run, saying why.
 */
class BacktestCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withThePolicyOffTwoReplayedDaysAreServedByTheBootstrapChampionAndScoreLikeIt() throws Exception {
        Path directory = data.resolve("short-off");
        int hours = (int) UciDataset.hours().stream()
                .filter(row -> !row.dteday().isBefore(LocalDate.of(2011, 9, 1))
                        && row.dteday().isBefore(LocalDate.of(2011, 9, 3)))
                .count();

        int exitCode = run(
                List.of(
                        "backtest",
                        "--from",
                        "2011-09-01",
                        "--to",
                        "2011-09-03",
                        "--policy",
                        "off",
                        "--out",
                        directory.toString()),
                Map.of(SuiteSettings.HOUR_CSV_ENV, UciDataset.hourCsv().toString(), "BIKECAST_API_KEY", "bt-key"));

        assertThat(exitCode).as(printed(err)).isZero();
        JsonNode report = JsonMapper.builder()
                .build()
                .readTree(directory.resolve("backtest.json").toFile());
        assertThat(report.propertyNames())
                .contains(
                        "from",
                        "to",
                        "policy",
                        "hours",
                        "servedRmse",
                        "servedMae",
                        "staticRmse",
                        "staticMae",
                        "rmseByMonth",
                        "retrains",
                        "promotions",
                        "alerts",
                        "wallSeconds",
                        "bootstrapVersion");
        assertThat(report.path("from").asString()).isEqualTo("2011-09-01");
        assertThat(report.path("to").asString()).isEqualTo("2011-09-03");
        assertThat(report.path("policy").asString()).isEqualTo("off");
        assertThat(report.path("hours").asInt()).isEqualTo(hours);
        assertThat(report.path("retrains").isEmpty()).isTrue();
        assertThat(report.path("promotions").isEmpty()).isTrue();
        assertThat(report.path("servedVersions").isEmpty())
                .as("no other version than the bootstrap champion answered")
                .isTrue();
        assertThat(report.path("servedRmse").asDouble())
                .as("served by the bootstrap champion all along, the served error is the static one")
                .isCloseTo(report.path("staticRmse").asDouble(), within(0.5));
        JsonNode nextHour = report.path("horizons").path("1");
        assertThat(nextHour.path("forecasts").asInt())
                .as("each fed hour was also forecast an hour ahead by the 24-hour forecast")
                .isEqualTo(hours);
        assertThat(nextHour.path("rmse").asDouble())
                .as("the forecast's first hour is what /predict served for it")
                .isCloseTo(report.path("servedRmse").asDouble(), within(1e-6));
        assertThat(report.path("staticHorizons").path("1").asDouble())
                .isCloseTo(report.path("staticRmse").asDouble(), within(1e-6));
        JsonNode dayAhead = report.path("horizons").path("24");
        assertThat(dayAhead.path("forecasts").asInt()).isPositive().isLessThanOrEqualTo(hours - 23);
        assertThat(dayAhead.path("coverage80").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.path("staticHorizons").path("24").asDouble()).isPositive();
        assertThat(report.path("rmseByMonth").path("2011-09").path("hours").asInt())
                .isEqualTo(hours);
        assertThat(report.path("rmseByMonth").path("2011-09").path("static").asDouble())
                .isCloseTo(report.path("staticRmse").asDouble(), within(1e-6));
        assertThat(Files.readAllLines(directory.resolve("backtest-hours.csv"))).hasSize(hours + 1);
        String page = Files.readString(directory.resolve("backtest.html"));
        assertThat(page).contains("<svg").contains("RMSE by month").doesNotContain("<script");
        assertThat(printed(out))
                .contains("2011-09-01     24/" + hours + " hours")
                .contains(" static; bootstrap v")
                .contains("RMSE 2011-09")
                .contains("RMSE 24 h")
                .contains(directory.resolve("backtest.json").toAbsolutePath().toString());
        System.out.printf(
                "%nBACKTEST: %d hours in %.1f s, %.3f s per fed hour%n%n",
                hours,
                report.path("wallSeconds").asDouble(),
                report.path("wallSecondsPerHour").asDouble());
    }

    @Test
    void unknownOrBadArgumentsGetTheUsageAndExitCodeTwo() throws Exception {
        assertThat(run(List.of("backtset"), Map.of())).isEqualTo(2);
        assertThat(printed(err)).contains("unknown command backtset").contains("usage: bin/local-suite");

        for (List<String> bad : List.of(
                List.of("backtest", "--form", "2012-09-01"),
                List.of("backtest", "--from", "1 Sept 2012"),
                List.of("backtest", "--policy", "maybe"),
                List.of("backtest", "--from", "2013-01-01", "--to", "2012-09-01"),
                List.of("backtest", "--out"))) {
            err.reset();
            assertThat(run(bad, Map.of())).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(printed(err)).as(String.join(" ", bad)).contains("usage: bin/local-suite");
        }
    }

    @Test
    void theDefaultDirectoryIsNamedAfterTheRangeAndThePolicyUnderTheLocalData() {
        BacktestCommand.Arguments arguments =
                BacktestCommand.Arguments.parse(List.of("--policy", "off"), Path.of(".local"));

        assertThat(arguments.from()).isEqualTo(LocalDate.of(2012, 9, 1));
        assertThat(arguments.to()).isEqualTo(LocalDate.of(2013, 1, 1));
        assertThat(arguments.out()).isEqualTo(Path.of(".local/backtest/2012-09-01_2013-01-01_off"));
    }

    @Test
    void aDirectoryWithSomeoneElsesFilesIsNotWiped() throws Exception {
        Path precious = data.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "years of work");

        int exitCode = run(
                List.of("backtest", "--from", "2011-09-01", "--to", "2011-09-02", "--out", precious.toString()),
                Map.of(SuiteSettings.HOUR_CSV_ENV, UciDataset.hourCsv().toString()));

        assertThat(exitCode).isEqualTo(1);
        assertThat(printed(err)).contains("is not empty and was not made by a backtest");
        assertThat(precious.resolve("thesis.tex")).hasContent("years of work");
    }

    private int run(List<String> args, Map<String, String> env) throws Exception {
        return LocalSuite.dispatch(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String printed(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
