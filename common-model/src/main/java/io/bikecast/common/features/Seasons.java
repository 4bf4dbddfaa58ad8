package io.bikecast.common.features;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The UCI data set's {@code season} column, as a rule, so that a season can be computed for dates the data set does
 * not contain.
 *
 * <p>The rule was read off {@code day.csv} and {@code hour.csv} and holds for every one of their 731 days: season 2
 * starts on 21 March, 3 on 21 June, 4 on 23 September and 1 on 21 December, on the same dates in 2011 and in 2012
 * (a leap year). These are fixed calendar dates, not the astronomical equinoxes and solstices of those years (which
 * fell on 20 March, 21 and 20 June, 23 and 22 September, 22 and 21 December), so no astronomical calculation is used.
 *
 * <p>Note that the data set's documentation names the codes 1 "springer", 2 summer, 3 fall and 4 winter, but by date
 * code 1 covers 21 December to 20 March, that is astronomical winter, and every other code is shifted the same way.
 * Only the codes matter to the model; they are kept exactly as in the data.
 */
public final class Seasons {

    private static final MonthDay SEASON_2_STARTS = MonthDay.of(3, 21);
    private static final MonthDay SEASON_3_STARTS = MonthDay.of(6, 21);
    private static final MonthDay SEASON_4_STARTS = MonthDay.of(9, 23);
    private static final MonthDay SEASON_1_STARTS = MonthDay.of(12, 21);

    private Seasons() {}

    /** The UCI season code, 1 to 4, of a date. */
    public static int seasonOf(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        if (day.isBefore(SEASON_2_STARTS)) {
            return 1;
        }
        if (day.isBefore(SEASON_3_STARTS)) {
            return 2;
        }
        if (day.isBefore(SEASON_4_STARTS)) {
            return 3;
        }
        if (day.isBefore(SEASON_1_STARTS)) {
            return 4;
        }
        return 1;
    }
}
