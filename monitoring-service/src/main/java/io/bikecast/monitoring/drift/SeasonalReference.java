package io.bikecast.monitoring.drift;

import io.bikecast.common.registry.ReferenceSample;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The seasonally matched reference: the reference rows whose day of the year lies within ± a window of a day the
 * current window covers, across all years of the reference. Weather has a season; a week of September is compared
 * with the Septembers the model learned from, not with a whole year. Falls back to the whole reference, saying why,
 * when the sample has no hours or the matched rows are too few.
 *
 * <p>Days of the year are counted on a leap year's calendar (February 29 is day 60, March 1 always day 61), so the
 * same date matches the same date in every year; the count wraps around the new year.
 */
final class SeasonalReference {

    private static final int DAYS = 366;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private SeasonalReference() {}

    /** A reference and which rows it holds. */
    record Match(ReferenceSample sample, ReferenceSelection selection) {}

    static Match select(
            ReferenceSample reference,
            LocalDateTime firstHour,
            LocalDateTime lastHour,
            int windowDays,
            int minReferenceSize) {
        if (!reference.hasHours()) {
            return whole(reference, "the reference sample has no hours (stored before they were recorded)");
        }
        if (firstHour == null || lastHour == null) {
            return whole(reference, "the current window names no predicted hours");
        }
        LocalDate first = firstHour.toLocalDate();
        LocalDate last = lastHour.toLocalDate();
        boolean[] matched = matchedDays(first, last, windowDays);
        List<LocalDateTime> hours = reference.hours();
        int[] rows = IntStream.range(0, hours.size())
                .filter(i -> matched[dayOfYear(hours.get(i).toLocalDate())])
                .toArray();
        boolean wholeYear = ChronoUnit.DAYS.between(first, last) + 2L * windowDays + 1 >= DAYS;
        String from = wholeYear ? "01-01" : MONTH_DAY.format(first.minusDays(windowDays));
        String to = wholeYear ? "12-31" : MONTH_DAY.format(last.plusDays(windowDays));
        if (rows.length < minReferenceSize) {
            return whole(
                    reference,
                    "only " + rows.length + " reference rows lie within ±" + windowDays + " days of the window's days"
                            + " of the year (" + from + " … " + to + "); at least " + minReferenceSize
                            + " are needed");
        }
        return new Match(
                subset(reference, rows),
                new ReferenceSelection(ReferenceSelection.SEASONAL, from, to, rows.length, null));
    }

    private static Match whole(ReferenceSample reference, String why) {
        return new Match(reference, ReferenceSelection.allHistory(reference.size(), why));
    }

    /** Per day of the year (index 1–366), whether it is within the window of a covered day. */
    private static boolean[] matchedDays(LocalDate first, LocalDate last, int windowDays) {
        boolean[] matched = new boolean[DAYS + 1];
        long covered = ChronoUnit.DAYS.between(first, last) + 1;
        for (long d = 0; d < Math.min(covered, DAYS); d++) {
            int day = dayOfYear(first.plusDays(d));
            for (int k = -windowDays; k <= windowDays; k++) {
                matched[Math.floorMod(day - 1 + k, DAYS) + 1] = true;
            }
        }
        return matched;
    }

    private static int dayOfYear(LocalDate date) {
        return MonthDay.from(date).atYear(2000).getDayOfYear();
    }

    private static ReferenceSample subset(ReferenceSample reference, int[] rows) {
        Map<String, double[]> features = new LinkedHashMap<>();
        reference.features().forEach((name, values) -> features.put(name, pick(values, rows)));
        List<LocalDateTime> hours =
                IntStream.of(rows).mapToObj(reference.hours()::get).toList();
        return new ReferenceSample(features, pick(reference.predictions(), rows), hours);
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] picked = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }
}
