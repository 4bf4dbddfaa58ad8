package io.bikecast.common.features;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The public holidays of Washington, D.C., as observed: the UCI data set's {@code holiday} column (taken by its
 * authors from the D.C. Department of Human Resources' holiday schedule), as rules, so that it can be computed for any
 * date.
 *
 * <p>The holidays are the US federal holidays plus D.C. Emancipation Day (16 April) and, every fourth year,
 * Inauguration Day, which is a federal holiday only in the Washington area. A holiday that falls on a Saturday is
 * observed on the Friday before, one on a Sunday on the Monday after; this is why 1 January 2011, a Saturday, is not a
 * holiday in the data set (it was observed on Friday 31 December 2010) while Monday 26 December 2011 is. Inauguration
 * Day is the exception: by law (5 U.S.C. 6103(c)) it moves to 21 January when 20 January is a Sunday, and it is not
 * observed at all when 20 January is a Saturday.
 *
 * <p>The rules are today's, with the year each holiday was first observed for the three recent ones (Martin Luther
 * King Jr. Day 1986, D.C. Emancipation Day 2005, Juneteenth 2021), so the calendar is right from 1986 on; dates before
 * the Monday holidays of 1971 follow the same rules, which did not apply then. Holidays declared one-off by executive
 * order (an extra day at Christmas, say) are not predictable and are not included; the data set has none.
 */
public final class WashingtonDcHolidays {

    private WashingtonDcHolidays() {}

    /** True if the date is an observed Washington, D.C. public holiday. */
    public static boolean isHoliday(LocalDate date) {
        return holidayName(date).isPresent();
    }

    /**
     * The name of the holiday observed on the date, if any. When two holidays are observed on one day (Inauguration
     * Day on Martin Luther King Jr. Day, as on 21 January 2013) the name joins both with {@code " and "}.
     */
    public static Optional<String> holidayName(LocalDate date) {
        String names = Arrays.stream(Holiday.values())
                .filter(holiday -> observedOn(holiday, date))
                .map(Holiday::displayName)
                .collect(Collectors.joining(" and "));
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    /**
     * Every holiday observed in a calendar year, by date. The year includes a New Year's Day of the next year observed
     * on 31 December, and excludes one of its own observed on the 31 December before.
     */
    public static SortedMap<LocalDate, String> holidaysIn(int year) {
        SortedMap<LocalDate, String> holidays = new TreeMap<>();
        LocalDate day = LocalDate.of(year, 1, 1);
        while (day.getYear() == year) {
            LocalDate date = day;
            holidayName(date).ifPresent(name -> holidays.put(date, name));
            day = day.plusDays(1);
        }
        return Collections.unmodifiableSortedMap(holidays);
    }

    /** A holiday is observed on a date if the holiday of that date's year, or of the next (New Year's Day), falls on it. */
    private static boolean observedOn(Holiday holiday, LocalDate date) {
        int year = date.getYear();
        return holiday.observedIn(year).filter(date::equals).isPresent()
                || holiday.observedIn(year + 1).filter(date::equals).isPresent();
    }

    /** The rules: when each holiday falls in a year, and when it is then observed. */
    private enum Holiday {
        NEW_YEARS_DAY("New Year's Day") {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.JANUARY, 1);
            }
        },
        MARTIN_LUTHER_KING_JR_DAY("Birthday of Martin Luther King, Jr.", 1986) {
            @Override
            LocalDate nominal(int year) {
                return nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY);
            }
        },
        INAUGURATION_DAY("Inauguration Day", 1969) {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.JANUARY, 20);
            }

            @Override
            Optional<LocalDate> observedIn(int year) {
                if (year < firstYear || (year - 1965) % 4 != 0) {
                    return Optional.empty();
                }
                LocalDate date = nominal(year);
                return switch (date.getDayOfWeek()) {
                    case SATURDAY -> Optional.empty();
                    case SUNDAY -> Optional.of(date.plusDays(1));
                    default -> Optional.of(date);
                };
            }
        },
        WASHINGTONS_BIRTHDAY("Washington's Birthday") {
            @Override
            LocalDate nominal(int year) {
                return nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY);
            }
        },
        DC_EMANCIPATION_DAY("D.C. Emancipation Day", 2005) {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.APRIL, 16);
            }
        },
        MEMORIAL_DAY("Memorial Day") {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            }
        },
        JUNETEENTH("Juneteenth National Independence Day", 2021) {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.JUNE, 19);
            }
        },
        INDEPENDENCE_DAY("Independence Day") {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.JULY, 4);
            }
        },
        LABOR_DAY("Labor Day") {
            @Override
            LocalDate nominal(int year) {
                return nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY);
            }
        },
        COLUMBUS_DAY("Columbus Day (Indigenous Peoples' Day)") {
            @Override
            LocalDate nominal(int year) {
                return nthWeekday(year, Month.OCTOBER, 2, DayOfWeek.MONDAY);
            }
        },
        VETERANS_DAY("Veterans Day") {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.NOVEMBER, 11);
            }
        },
        THANKSGIVING_DAY("Thanksgiving Day") {
            @Override
            LocalDate nominal(int year) {
                return nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
            }
        },
        CHRISTMAS_DAY("Christmas Day") {
            @Override
            LocalDate nominal(int year) {
                return LocalDate.of(year, Month.DECEMBER, 25);
            }
        };

        private final String displayName;
        final int firstYear;

        Holiday(String displayName) {
            this(displayName, Integer.MIN_VALUE);
        }

        Holiday(String displayName, int firstYear) {
            this.displayName = displayName;
            this.firstYear = firstYear;
        }

        String displayName() {
            return displayName;
        }

        /** The day the holiday falls on in a year, before any weekend shift. */
        abstract LocalDate nominal(int year);

        /** The day the holiday of a year is observed: Saturday moves to Friday, Sunday to Monday. */
        Optional<LocalDate> observedIn(int year) {
            if (year < firstYear) {
                return Optional.empty();
            }
            LocalDate date = nominal(year);
            return Optional.of(
                    switch (date.getDayOfWeek()) {
                        case SATURDAY -> date.minusDays(1);
                        case SUNDAY -> date.plusDays(1);
                        default -> date;
                    });
        }

        private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek dayOfWeek) {
            return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dayOfWeek));
        }
    }
}
