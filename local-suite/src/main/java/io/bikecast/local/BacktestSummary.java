package io.bikecast.local;

import io.bikecast.local.BacktestResult.Alert;
import io.bikecast.local.BacktestResult.Promotion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The table printed at the end of a backtest. */
final class BacktestSummary {

    private BacktestSummary() {}

    static void print(BacktestResult result, Path directory, PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "backtest %s to %s, policy %s: %d hours in %.0f s (bootstrap %.0f s, waiting for retraining %.0f s,"
                        + " %.3f s per fed hour otherwise)%n",
                result.from(),
                result.to(),
                result.policy(),
                result.hours(),
                result.timings().total(),
                result.timings().bootstrap(),
                result.timings().retraining(),
                result.timings().perFedHour());
        out.println();
        out.printf(Locale.ROOT, "  %-12s %8s %8s%n", "", "served", "static");
        out.printf(Locale.ROOT, "  %-12s %8s %8s%n", "RMSE", f(result.servedRmse()), f(result.staticRmse()));
        out.printf(Locale.ROOT, "  %-12s %8s %8s%n", "MAE", f(result.servedMae()), f(result.staticMae()));
        result.rmseByMonth()
                .forEach((month, score) -> out.printf(
                        Locale.ROOT, "  RMSE %-7s %8s %8s%n", month, f(score.served()), f(score.staticRmse())));
        result.horizons()
                .forEach((horizon, score) -> out.printf(
                        Locale.ROOT,
                        "  RMSE %-7s %8s %8s   MAE %s, 80%% interval held %s of %d%n",
                        horizon + " h",
                        f(score.rmse()),
                        f(result.staticHorizons().get(horizon)),
                        f(score.mae()),
                        score.coverage80() == null
                                ? "-"
                                : String.format(Locale.ROOT, "%.1f%%", score.coverage80() * 100),
                        score.forecasts()));
        Double improvement = BacktestJson.improvement(result);
        out.println();
        out.printf(
                Locale.ROOT,
                "  %s; bootstrap v%d; %d retraining runs, %d promotions%n",
                comparison(improvement),
                result.bootstrapVersion(),
                result.retrains().size(),
                result.promotions().size());
        for (Promotion promotion : result.promotions()) {
            out.printf(
                    "    %s  v%d -> v%d  (%s)%n",
                    promotion.dataHour(),
                    promotion.previousVersion(),
                    promotion.version(),
                    String.join(", ", promotion.cause()));
        }
        Map<String, Long> alertsByKind = result.alerts().stream()
                .collect(Collectors.groupingBy(Alert::kind, TreeMap::new, Collectors.counting()));
        out.println("  alerts: " + (alertsByKind.isEmpty() ? "none" : alertsByKind.toString()));
        result.problems().forEach(problem -> out.println("  not measured: " + problem));
        out.println();
        out.println("  " + directory.resolve(BacktestJson.FILE).toAbsolutePath());
        out.println("  " + directory.resolve(BacktestPage.FILE).toAbsolutePath());
    }

    private static String comparison(Double improvement) {
        if (improvement == null) {
            return "static not scored";
        }
        return String.format(
                Locale.ROOT,
                "served RMSE %.1f%% %s static",
                Math.abs(improvement * 100),
                improvement >= 0 ? "below" : "above");
    }

    private static String f(Double value) {
        return BacktestPage.format(value);
    }
}
