package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureEngineeringTest {

    /** 2012-07-04 (a Wednesday, Independence Day) at 14:00, 30 °C, feels like 33 °C, 50 %, 13 km/h, misty. */
    private static final NaturalConditions JULY_FOURTH =
            new NaturalConditions(LocalDateTime.parse("2012-07-04T14:00"), 30, 33, 50, 13, 2);

    @Test
    void computesEveryFeatureFromRealUnits() {
        UciFeatures f = FeatureEngineering.fromNatural(JULY_FOURTH);

        assertThat(f).isEqualTo(new UciFeatures(3, 1, 7, 14, 1, 3, 0, 2, 0.78, 0.7424, 0.5, 0.194));
    }

    @Test
    void ignoresMinutesAndSecondsOfTheHour() {
        NaturalConditions late = new NaturalConditions(LocalDateTime.parse("2012-07-04T14:59:59"), 30, 33, 50, 13, 2);

        assertThat(FeatureEngineering.fromNatural(late)).isEqualTo(FeatureEngineering.fromNatural(JULY_FOURTH));
    }

    @ParameterizedTest
    @CsvSource({"2009, 0", "2010, 0", "2011, 0", "2012, 1", "2013, 1", "2026, 1"})
    void clampsTheYearToTheYearsTheModelKnows(int year, int yr) {
        assertThat(FeatureEngineering.yr(year)).isEqualTo(yr);
        assertThat(FeatureEngineering.fromDate(LocalDate.of(year, 5, 5), 12, 1, 0.5, 0.5, 0.5, 0.1)
                        .yr())
                .isEqualTo(yr);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-29, 0, 0, 0", // a Sunday
        "2026-11-30, 1, 0, 1", // a Monday
        "2026-11-26, 4, 1, 0", // Thanksgiving, a Thursday
        "2026-11-28, 6, 0, 0", // a Saturday
        "2027-01-01, 5, 1, 0" // New Year's Day, a Friday
    })
    void computesTheCalendarOfAnyDate(LocalDate date, int weekday, int holiday, int workingday) {
        UciFeatures f = FeatureEngineering.fromDate(date, 8, 1, 0.3, 0.3, 0.6, 0.2);

        assertThat(f.weekday()).isEqualTo(weekday);
        assertThat(f.holiday()).isEqualTo(holiday);
        assertThat(f.workingday()).isEqualTo(workingday);
        assertThat(f.mnth()).isEqualTo(date.getMonthValue());
        assertThat(f.season()).isEqualTo(Seasons.seasonOf(date));
        assertThat(f.hr()).isEqualTo(8);
    }

    @Test
    void passesWeatherThroughFromDate() {
        UciFeatures f = FeatureEngineering.fromDate(LocalDate.parse("2011-01-01"), 0, 1, 0.24, 0.2879, 0.81, 0);

        assertThat(f).isEqualTo(UciFeaturesTest.FIRST_ROW);
    }

    @Test
    void reportsRatherThanClampsConditionsOutsideTheTrainedRange() {
        NaturalConditions heatWave = new NaturalConditions(LocalDateTime.parse("2030-07-20T15:00"), 44, 55, 30, 5, 1);

        UciFeatures f = FeatureEngineering.fromNatural(heatWave);

        assertThat(f.temp()).isEqualTo(1.06);
        assertThat(f.rangeViolations())
                .containsExactly(
                        "temp: must be between 0.0 and 1.0 but was 1.06",
                        "atemp: must be between 0.0 and 1.0 but was 1.0758");
    }

    @Test
    void toNaturalIsTheInverseOfFromNatural() {
        NaturalConditions natural =
                FeatureEngineering.toNatural(LocalDate.parse("2011-01-01"), UciFeaturesTest.FIRST_ROW);

        assertThat(natural.localHour()).isEqualTo(LocalDateTime.parse("2011-01-01T00:00"));
        assertThat(natural.weatherSituation()).isEqualTo(1);
        assertThat(FeatureEngineering.fromNatural(natural)).isEqualTo(UciFeaturesTest.FIRST_ROW);
    }

    @Test
    void rejectsMissingInput() {
        assertThatThrownBy(() -> FeatureEngineering.fromNatural(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FeatureEngineering.fromNatural(new NaturalConditions(null, 20, 20, 50, 10, 1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("localHour");
    }

    @Test
    void theVectorAndNamesAreTheSchemas() {
        assertThat(FeatureEngineering.vector(UciFeaturesTest.FIRST_ROW))
                .containsExactly(UciFeaturesTest.FIRST_ROW.toVector());
        assertThat(FeatureEngineering.featureNames()).containsExactly(FeatureSchema.featureNames());
    }
}
