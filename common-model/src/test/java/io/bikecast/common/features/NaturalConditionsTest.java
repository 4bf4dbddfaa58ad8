package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class NaturalConditionsTest {

    @ParameterizedTest(name = "{0} is local hour {1}")
    @CsvSource({
        "2012-07-04T12:34:56Z, 2012-07-04T08:00", // summer: UTC-4
        "2012-01-15T04:59:59Z, 2012-01-14T23:00", // winter: UTC-5, the day before
        "2012-01-15T12:00+01:00, 2012-01-15T06:00", // any offset is converted
        "2021-03-14T06:59:00Z, 2021-03-14T01:00", // the last hour before the spring change
        "2021-03-14T07:00:00Z, 2021-03-14T03:00", // 02:00 does not exist that day
        "2021-11-07T05:30:00Z, 2021-11-07T01:00", // the first 01:00 of the autumn change
        "2021-11-07T06:30:00Z, 2021-11-07T01:00" // the second 01:00 falls into the same local hour
    })
    void theLocalHourIsInWashingtonAndTruncated(OffsetDateTime time, LocalDateTime localHour) {
        assertThat(NaturalConditions.localHourOf(time)).isEqualTo(localHour);
        assertThat(NaturalConditions.localHourOf(time.toInstant())).isEqualTo(localHour);
    }

    @Test
    void instantsAreConvertedTheSameWay() {
        assertThat(NaturalConditions.localHourOf(Instant.parse("2011-01-01T05:00:00Z")))
                .isEqualTo(LocalDateTime.parse("2011-01-01T00:00"));
    }

    @Test
    void isReadFromJsonWithALocalHour() {
        JsonMapper mapper = JsonMapper.builder().build();
        NaturalConditions conditions = mapper.readValue("""
                {"localHour":"2012-07-04T14:00:00","temperatureCelsius":30,"feelsLikeCelsius":33,
                 "humidityPercent":50,"windSpeedKmh":13,"weatherSituation":2}""", NaturalConditions.class);

        assertThat(conditions)
                .isEqualTo(new NaturalConditions(LocalDateTime.parse("2012-07-04T14:00"), 30, 33, 50, 13, 2));
        assertThat(mapper.readValue(mapper.writeValueAsString(conditions), NaturalConditions.class))
                .isEqualTo(conditions);
    }
}
