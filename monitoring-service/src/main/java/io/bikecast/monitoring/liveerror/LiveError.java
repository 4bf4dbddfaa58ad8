package io.bikecast.monitoring.liveerror;

import java.time.LocalDateTime;

/**
 * The live error of one model version's predictions over one window of predicted hours. With fewer joined pairs
 * than the configured minimum the status is {@code NOT_ENOUGH_DATA} and every metric is null.
 *
 * @param window the window's span, e.g. {@code 24h}
 * @param servedBy which alias served the predictions ({@code CHAMPION} or {@code CHALLENGER})
 * @param shadow true for shadow predictions (never returned to clients), reported apart from served ones
 * @param from the window's first hour, exclusive
 * @param to the window's last hour, inclusive: the latest hour with an actual (the data clock)
 * @param pairs predictions joined with the actual of their series and hour
 * @param rmse root mean squared error of the returned counts, rentals per hour
 * @param mae mean absolute error, rentals per hour
 * @param r2 coefficient of determination; null also when the actuals do not vary
 * @param bias mean of prediction minus actual: positive when the model over-forecasts
 */
public record LiveError(
        String modelName,
        long modelVersion,
        String servedBy,
        boolean shadow,
        String window,
        LocalDateTime from,
        LocalDateTime to,
        long pairs,
        Status status,
        Double rmse,
        Double mae,
        Double r2,
        Double bias) {

    /** Whether the window holds enough pairs to report numbers. */
    public enum Status {
        OK,
        NOT_ENOUGH_DATA
    }

    public boolean hasNumbers() {
        return status == Status.OK;
    }
}
