package io.bikecast.local;

import io.bikecast.local.BacktestResult.Alert;
import io.bikecast.local.BacktestResult.Promotion;
import io.bikecast.local.BacktestResult.Retrain;
import io.bikecast.local.BacktestResult.VersionChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backtest.json}, the backtest's figures for people and scripts, and {@code backtest-hours.csv}, every fed hour
 * with what was served. Errors are rounded to 0.01 rentals: finer digits are noise.
 */
final class BacktestJson {

    static final String FILE = "backtest.json";
    static final String HOURS_FILE = "backtest-hours.csv";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BacktestJson() {}

    static void write(BacktestResult result, Path directory) {
        try {
            Files.writeString(directory.resolve(FILE), JSON.writeValueAsString(tree(result)), StandardCharsets.UTF_8);
            StringBuilder csv = new StringBuilder("hour,actual,predictedCount,rawPrediction,modelVersion\n");
            result.servedHours()
                    .forEach(hour -> csv.append(String.format(
                            Locale.ROOT,
                            "%s,%d,%d,%.3f,%d%n",
                            hour.hour(),
                            hour.actual(),
                            hour.predictedCount(),
                            hour.rawPrediction(),
                            hour.version())));
            Files.writeString(directory.resolve(HOURS_FILE), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backtest's reports to " + directory.toAbsolutePath(), e);
        }
    }

    static ObjectNode tree(BacktestResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("from", result.from().toString());
        root.put("to", result.to().toString());
        root.put("policy", result.policy());
        root.put("hours", result.hours());
        root.put("servedRmse", round(result.servedRmse()));
        root.put("servedMae", round(result.servedMae()));
        ObjectNode horizons = root.putObject("horizons");
        result.horizons()
                .forEach((horizon, score) -> horizons.putObject(Integer.toString(horizon))
                        .put("forecasts", score.forecasts())
                        .put("rmse", round(score.rmse()))
                        .put("mae", round(score.mae()))
                        .put(
                                "coverage80",
                                score.coverage80() == null
                                        ? null
                                        : Math.round(score.coverage80() * 10_000) / 10_000.0));
        root.put("staticRmse", round(result.staticRmse()));
        root.put("staticMae", round(result.staticMae()));
        ObjectNode staticHorizons = root.putObject("staticHorizons");
        result.staticHorizons().forEach((horizon, rmse) -> staticHorizons.put(Integer.toString(horizon), round(rmse)));
        root.put("improvementOverStatic", improvement(result));
        ObjectNode months = root.putObject("rmseByMonth");
        result.rmseByMonth()
                .forEach((month, score) -> months.putObject(month)
                        .put("hours", score.hours())
                        .put("served", round(score.served()))
                        .put("static", round(score.staticRmse())));
        root.put("bootstrapVersion", result.bootstrapVersion());
        root.put("bootstrapTrainedThrough", text(result.bootstrapTrainedThrough()));
        ArrayNode retrains = root.putArray("retrains");
        for (Retrain retrain : result.retrains()) {
            ObjectNode node = retrains.addObject()
                    .put("dataHour", retrain.dataHour().toString())
                    .put("requestEventId", retrain.requestEventId())
                    .put("reason", retrain.reason())
                    .put("runId", retrain.runId())
                    .put("trigger", retrain.trigger())
                    .put("status", retrain.status())
                    .put("modelVersion", retrain.modelVersion())
                    .put("outcome", retrain.outcome())
                    .put("promoted", retrain.promoted())
                    .put("wallSeconds", round(retrain.wallSeconds()));
            retrain.reasons().forEach(node.putArray("reasons")::add);
        }
        ArrayNode promotions = root.putArray("promotions");
        for (Promotion promotion : result.promotions()) {
            ObjectNode node = promotions
                    .addObject()
                    .put("dataHour", promotion.dataHour().toString())
                    .put("version", promotion.version())
                    .put("previousVersion", promotion.previousVersion())
                    .put("reason", promotion.reason())
                    .put("trainedThrough", text(promotion.trainedThrough()));
            promotion.cause().forEach(node.putArray("cause")::add);
        }
        ArrayNode versions = root.putArray("servedVersions");
        for (VersionChange change : result.servedVersions()) {
            versions.addObject()
                    .put("dataHour", change.dataHour().toString())
                    .put("from", change.fromVersion())
                    .put("to", change.toVersion())
                    .put("why", change.why());
        }
        ArrayNode alerts = root.putArray("alerts");
        for (Alert alert : result.alerts()) {
            ObjectNode node = alerts.addObject()
                    .put("kind", alert.kind())
                    .put("severity", alert.severity())
                    .put("title", alert.title())
                    .put("dataTime", text(alert.dataTime()))
                    .put("firstRaisedAt", alert.firstRaisedAt().toString())
                    .put("occurrences", alert.occurrences());
            ObjectNode fields = node.putObject("fields");
            alert.fields().forEach(fields::put);
        }
        ArrayNode daily = root.putArray("daily");
        result.daily()
                .forEach(day -> daily.addObject()
                        .put("date", day.date().toString())
                        .put("hours", day.hours())
                        .put("actual", day.actual())
                        .put("served", day.served()));
        root.put("wallSeconds", round(result.timings().total()));
        root.put("wallSecondsPerHour", Math.round(result.timings().perFedHour() * 10_000) / 10_000.0);
        root.putObject("wallSecondsBy")
                .put("bootstrap", round(result.timings().bootstrap()))
                .put("feed", round(result.timings().feed()))
                .put("retraining", round(result.timings().retraining()));
        result.problems().forEach(root.putArray("problems")::add);
        return root;
    }

    /** How much lower the served RMSE is than the static one, as a fraction (0.05 = 5% lower); null if unknown. */
    static Double improvement(BacktestResult result) {
        if (result.servedRmse() == null || result.staticRmse() == null || result.staticRmse() == 0) {
            return null;
        }
        return Math.round((1 - result.servedRmse() / result.staticRmse()) * 10_000) / 10_000.0;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static String text(LocalDateTime hour) {
        return hour == null ? null : hour.toString();
    }
}
