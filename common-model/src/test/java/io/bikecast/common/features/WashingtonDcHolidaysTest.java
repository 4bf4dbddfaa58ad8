package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.UciData.DayRow;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WashingtonDcHolidaysTest {

    @Test
    void matchesTheHolidayColumnOfEveryDayInTheDataSet() {
        assertThat(UciData.days())
                .allSatisfy(day -> assertThat(WashingtonDcHolidays.isHoliday(day.dteday()) ? 1 : 0)
                        .as("holiday on %s (%s)", day.dteday(), WashingtonDcHolidays.holidayName(day.dteday()))
                        .isEqualTo(day.holiday()));
    }

    @Test
    void holidaysInTheDataSetsYearsAreExactlyTheDataSetsHolidays() {
        List<LocalDate> fromData = UciData.days().stream()
                .filter(day -> day.holiday() == 1)
                .map(DayRow::dteday)
                .toList();
        List<LocalDate> computed = Stream.of(2011, 2012)
                .flatMap(year -> WashingtonDcHolidays.holidaysIn(year).keySet().stream())
                .toList();

        assertThat(computed).isEqualTo(fromData).hasSize(21);
    }

    @Test
    void aSaturdayNewYearIsObservedOnTheFridayOfTheYearBefore() {
        assertThat(WashingtonDcHolidays.isHoliday(LocalDate.parse("2011-01-01")))
                .isFalse();
        assertThat(WashingtonDcHolidays.holidayName(LocalDate.parse("2010-12-31")))
                .contains("New Year's Day");
        assertThat(WashingtonDcHolidays.holidaysIn(2010))
                .containsEntry(LocalDate.parse("2010-12-31"), "New Year's Day");
        assertThat(WashingtonDcHolidays.holidaysIn(2011)).doesNotContainKey(LocalDate.parse("2011-01-01"));
        assertThat(WashingtonDcHolidays.holidaysIn(2027))
                .containsEntry(LocalDate.parse("2027-12-31"), "New Year's Day");
        assertThat(WashingtonDcHolidays.holidaysIn(2028)).doesNotContainKey(LocalDate.parse("2028-01-01"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2011-04-15 | D.C. Emancipation Day", // 16 April a Saturday
                "2011-12-26 | Christmas Day", // a Sunday
                "2012-01-02 | New Year's Day", // a Sunday
                "2012-11-12 | Veterans Day", // a Sunday
                "2013-01-21 | Birthday of Martin Luther King, Jr. and Inauguration Day", // 20 January a Sunday
                "2017-01-20 | Inauguration Day",
                "2021-01-20 | Inauguration Day",
                "2025-01-20 | Birthday of Martin Luther King, Jr. and Inauguration Day",
                "2021-04-16 | D.C. Emancipation Day", // a Friday
                "2022-04-15 | D.C. Emancipation Day", // 16 April a Saturday
                "2023-04-17 | D.C. Emancipation Day", // 16 April a Sunday
                "2005-04-15 | D.C. Emancipation Day", // the first one, 16 April a Saturday
                "2021-06-18 | Juneteenth National Independence Day", // the first one, 19 June a Saturday
                "2022-06-20 | Juneteenth National Independence Day", // 19 June a Sunday
                "2021-07-05 | Independence Day", // 4 July a Sunday
                "2020-07-03 | Independence Day", // 4 July a Saturday
                "2022-12-26 | Christmas Day", // a Sunday
                "2021-12-24 | Christmas Day", // a Saturday
                "2024-05-27 | Memorial Day",
                "2024-09-02 | Labor Day",
                "2024-10-14 | Columbus Day (Indigenous Peoples' Day)",
                "2024-11-28 | Thanksgiving Day",
                "2024-02-19 | Washington's Birthday",
                "2024-01-15 | Birthday of Martin Luther King, Jr.",
                "1986-01-20 | Birthday of Martin Luther King, Jr.", // the first one
                "1985-01-21 | Inauguration Day", // 20 January a Sunday
                "2099-11-11 | Veterans Day"
            })
    void observesHolidaysOutsideTheDataSet(LocalDate date, String name) {
        assertThat(WashingtonDcHolidays.isHoliday(date)).isTrue();
        assertThat(WashingtonDcHolidays.holidayName(date)).contains(name);
    }

    @ParameterizedTest
    @CsvSource({
        "2011-01-01", // New Year's Day on a Saturday: observed the day before
        "2011-04-16", // D.C. Emancipation Day on a Saturday: observed the day before
        "2012-11-11", // Veterans Day on a Sunday: observed the day after
        "2013-01-20", // Inauguration Day on a Sunday: observed the day after
        "2029-01-20", // Inauguration Day on a Saturday: not observed at all
        "2029-01-19",
        "2022-01-20", // not an inauguration year
        "2004-04-16", // before D.C. Emancipation Day was a holiday
        "2020-06-19", // before Juneteenth was a holiday
        "1983-01-17", // before Martin Luther King Jr. Day was a holiday
        "2024-11-29", // the day after Thanksgiving is not a public holiday
        "2024-12-24",
        "2024-03-29" // Good Friday is not a public holiday
    })
    void doesNotObserveOtherDays(LocalDate date) {
        assertThat(WashingtonDcHolidays.isHoliday(date)).isFalse();
        assertThat(WashingtonDcHolidays.holidayName(date)).isEmpty();
    }

    @Test
    void everyYearHasItsHolidaysOnWeekdays() {
        for (int year = 1990; year <= 2100; year++) {
            assertThat(WashingtonDcHolidays.holidaysIn(year).keySet())
                    .as("holidays of %d", year)
                    .allSatisfy(
                            date -> assertThat(date.getDayOfWeek().getValue()).isLessThanOrEqualTo(5))
                    .hasSizeBetween(9, 14);
        }
    }
}
