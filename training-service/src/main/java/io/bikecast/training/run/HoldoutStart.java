package io.bikecast.training.run;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Where a run's holdout begins. The evaluation fit learns the hours before it and is scored on the hours from it; the
 * promotion gate compares the candidate with the champion on the holdout hours the champion's served fit never saw.
 *
 * <p>A fixed holdout of the last {@code holdoutDays} would make the gate unfair whenever a run comes sooner than that
 * after the last promotion: the champion would have learned days the evaluation fit did not, and would win on the
 * few hours left for no better reason. So, unless the start is explicit, the holdout begins right after the
 * champion's served fit ended: the evaluation fit then learns exactly the hours the champion learned, and both are
 * judged on every hour since. It is bounded by the longest holdout ({@code holdoutDays}, day-aligned as before) and by
 * the shortest ({@code minHoldoutHours}), since a holdout of a few hours would make the version's holdout error,
 * which live-error monitoring judges it by, too noisy; those shortest hours the champion may have seen, and the gate
 * leaves them out.
 */
final class HoldoutStart {

    private HoldoutStart() {}

    /**
     * @param latest the latest stored hour of the window
     * @param settings the run's settings (an explicit {@code holdoutStart} wins)
     * @param championTrainedThrough the last hour the champion's served fit learned, if there is a champion
     * @param minHoldoutHours the shortest holdout, in hours
     */
    static LocalDateTime of(
            LocalDateTime latest,
            RunSettings settings,
            Optional<LocalDateTime> championTrainedThrough,
            int minHoldoutHours) {
        if (settings.holdoutStart() != null) {
            return settings.holdoutStart();
        }
        LocalDateTime longest = latest.toLocalDate()
                .plusDays(1)
                .minusDays(settings.holdoutDays())
                .atStartOfDay();
        LocalDateTime shortest = latest.plusHours(1).minusHours(minHoldoutHours);
        if (championTrainedThrough.isEmpty() || !shortest.isAfter(longest)) {
            return longest;
        }
        LocalDateTime afterChampion = championTrainedThrough.get().plusHours(1);
        if (afterChampion.isBefore(longest)) {
            return longest;
        }
        return afterChampion.isAfter(shortest) ? shortest : afterChampion;
    }
}
