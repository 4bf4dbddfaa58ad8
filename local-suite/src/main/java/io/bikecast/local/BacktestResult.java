package io.bikecast.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a backtest measured: the forecast served for every fed hour against its actual, the same hours scored by the
 * bootstrap champion left in place (static), and what the loop did on the way.
 *
 * @param hours how many hours were fed
 * @param servedRmse the error of the forecast served for each fed hour just before its actual arrived (issued at the
 *     previous hour's actual: horizon 1)
 * @param horizons per horizon of {@link HorizonScores#HORIZONS}, the forecasts served that many hours ahead (from the
 *     24-hour forecast asked for at every fed hour) against their actuals
 * @param staticRmse the bootstrap champion's next-hour RMSE on the fed hours (training's evaluation endpoint, lead 1);
 *     null if it could not be scored (see {@code problems})
 * @param staticHorizons the bootstrap champion's RMSE on the fed hours at each lead the evaluation endpoint scores
 *     (1, 3, 6 and 24 hours ahead, with perfect history): the horizons' static reference; empty if not scored
 * @param rmseByMonth per month ({@code 2012-09}) of the fed hours, served and static
 * @param retrains every training run the loop asked for while time stood still
 * @param promotions every change of champion after the bootstrap
 * @param servedVersions every change of the version that answered forecasts, with why
 * @param alerts monitoring's alerts at the end, oldest first
 * @param daily per fed day, the actual and served totals (for the report's chart)
 * @param servedHours every fed hour with what was served for it
 * @param timings where the wall time went
 * @param problems what could not be measured, in words
 */
record BacktestResult(
        LocalDate from,
        LocalDate to,
        String policy,
        int hours,
        Double servedRmse,
        Double servedMae,
        SortedMap<Integer, HorizonScores.Score> horizons,
        Double staticRmse,
        Double staticMae,
        SortedMap<Integer, Double> staticHorizons,
        SortedMap<String, MonthScore> rmseByMonth,
        List<Retrain> retrains,
        List<Promotion> promotions,
        List<VersionChange> servedVersions,
        List<Alert> alerts,
        List<Day> daily,
        long bootstrapVersion,
        LocalDateTime bootstrapTrainedThrough,
        List<ServedHour> servedHours,
        Timings timings,
        List<String> problems) {

    /** One fed hour: what was served for it and what happened. */
    record ServedHour(LocalDateTime hour, int actual, long predictedCount, double rawPrediction, long version) {}

    record MonthScore(int hours, Double served, Double staticRmse) {}

    /**
     * A training run that a retraining request of monitoring caused.
     *
     * @param dataHour the hour whose evaluation made the request
     * @param reasons the request's reasons as monitoring gave them ({@code scheduled_refresh}, ...)
     * @param status the run's final status (succeeded or failed), after following merges
     * @param outcome the promotion decision's outcome (champion, challenger, rejected), if it registered a version
     */
    record Retrain(
            LocalDateTime dataHour,
            String requestEventId,
            List<String> reasons,
            String reason,
            String runId,
            String trigger,
            String status,
            Long modelVersion,
            String outcome,
            boolean promoted,
            double wallSeconds) {}

    /**
     * A new champion.
     *
     * @param cause the retraining request's reasons
     * @param reason the promotion decision's reasons
     * @param trainedThrough the last hour the served fit learned from, as the registry says
     */
    record Promotion(
            LocalDateTime dataHour,
            long version,
            long previousVersion,
            List<String> cause,
            String reason,
            LocalDateTime trainedThrough) {}

    /** The version answering forecasts changed before {@code dataHour} was forecast. */
    record VersionChange(LocalDateTime dataHour, long fromVersion, long toVersion, String why) {}

    /**
     * @param dataTime the data hour being processed when it was first raised; null if raised during the bootstrap
     */
    record Alert(
            String kind,
            String severity,
            String title,
            LocalDateTime dataTime,
            Instant firstRaisedAt,
            int occurrences,
            Map<String, String> fields) {}

    record Day(LocalDate date, int hours, long actual, long served) {}

    /**
     * Where the wall time went.
     *
     * @param total everything: bootstrap, the fed hours, the scoring at the end
     * @param feed the loop over the fed hours, waits for training included
     * @param retraining of which waiting for retraining runs and new champions to be served
     * @param perFedHour the loop's own cost per hour (forecast, actual, monitoring's judgement), training excluded
     */
    record Timings(double total, double bootstrap, double feed, double retraining, double perFedHour) {}
}
