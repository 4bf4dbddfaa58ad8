package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.UciData.DayRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeasonsTest {

    @Test
    void matchesTheSeasonOfEveryDayInTheDataSet() {
        assertThat(UciData.days())
                .allSatisfy(day -> assertThat(Seasons.seasonOf(day.dteday()))
                        .as("season of %s", day.dteday())
                        .isEqualTo(day.season()));
    }

    @Test
    void theDataSetChangesSeasonOnTheSameDatesInBothYears() {
        List<LocalDate> changes = new ArrayList<>();
        DayRow previous = null;
        for (DayRow day : UciData.days()) {
            if (previous != null && previous.season() != day.season()) {
                changes.add(day.dteday());
            }
            previous = day;
        }
        assertThat(changes)
                .containsExactly(
                        LocalDate.parse("2011-03-21"),
                        LocalDate.parse("2011-06-21"),
                        LocalDate.parse("2011-09-23"),
                        LocalDate.parse("2011-12-21"),
                        LocalDate.parse("2012-03-21"),
                        LocalDate.parse("2012-06-21"),
                        LocalDate.parse("2012-09-23"),
                        LocalDate.parse("2012-12-21"));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-01-01, 1",
        "2025-03-20, 1",
        "2025-03-21, 2",
        "2025-06-20, 2",
        "2025-06-21, 3",
        "2025-09-22, 3",
        "2025-09-23, 4",
        "2025-12-20, 4",
        "2025-12-21, 1",
        "2025-12-31, 1",
        "2024-02-29, 1",
        "2000-03-21, 2",
        "2100-09-23, 4"
    })
    void usesTheSameBoundariesInAnyYear(LocalDate date, int season) {
        assertThat(Seasons.seasonOf(date)).isEqualTo(season);
    }
}
