package io.bikecast.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.series.SeriesId;
import io.bikecast.monitoring.support.SettingsDefaults;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.WithFakeTrainingRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, point 12, for the drift window: prediction endpoints need no key, so the prediction log holds whatever
 * anyone asked. A wall-clock hour window must hold each hour of a series once, with the last prediction made for it,
 * and must end at the latest predicted hour no later than the present one, so that neither a client asking for one
 * hour five hundred times nor one asking for 2100 or 1990 moves what the check compares with the reference.
 */
@SpringBootTest(properties = {"bikecast.monitoring.drift.schedule-enabled=false"})
@RealInfrastructure
@WithFakeTrainingRegistry("bikecast.monitoring.registry.base-url")
class DriftWindowBoundTest {

    private static final String MODEL = "bike-demand";
    private static final long VERSION = 4;
    private static final LocalDateTime NOW = LocalDateTime.of(2012, 9, 8, 12, 30);
    private static final LocalDateTime FIRST_HOUR = LocalDateTime.of(2012, 9, 7, 0, 0);
    private static final int HOURS = 30;
    private static final Instant EARLIER = NOW.atZone(SeriesId.ZONE).toInstant().minusSeconds(3600);
    private static final Instant LATER = EARLIER.plusSeconds(60);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aFloodedHourCountsOnceAndHoursFarAwayStayOutOfTheWindow() {
        for (int i = 0; i < 500; i++) {
            log(FIRST_HOUR, 5000, EARLIER);
        }
        for (int i = 0; i < HOURS; i++) {
            log(FIRST_HOUR.plusHours(i), 200, LATER);
        }
        log(LocalDateTime.of(2100, 1, 1, 0, 0), 9999, LATER);
        log(LocalDateTime.of(1990, 1, 1, 0, 0), 9999, LATER);
        Clock wall = Clock.fixed(NOW.atZone(SeriesId.ZONE).toInstant(), ZoneOffset.UTC);

        CurrentSample window = new CurrentWindowReader(jdbc, wall)
                .read(MODEL, VERSION, SettingsDefaults.of(DriftProperties.class), null);

        assertThat(window.size()).isEqualTo(HOURS);
        assertThat(Arrays.stream(window.predictions()).distinct()).containsExactly(200.0);
        assertThat(window.firstHour()).isEqualTo(FIRST_HOUR);
        assertThat(window.lastHour()).isEqualTo(FIRST_HOUR.plusHours(HOURS - 1));
    }

    private void log(LocalDateTime hour, double prediction, Instant predictedAt) {
        jdbc.update(
                """
                INSERT INTO monitoring.prediction_log (prediction_id, series_id, hour, model_name, model_version,
                    served_by, shadow, prediction, predicted_count, season, yr, mnth, hr, holiday, weekday, workingday,
                    weathersit, temp, atemp, hum, windspeed, predicted_at)
                VALUES (?, 'system', ?, ?, ?, 'CHAMPION', false, ?, ?, 3, 1, 9, ?, 0, 5, 1, 1, 0.6, 0.6, 0.5, 0.2, ?)""",
                UUID.randomUUID(),
                Timestamp.valueOf(hour),
                MODEL,
                VERSION,
                prediction,
                Math.round(prediction),
                hour.getHour(),
                OffsetDateTime.ofInstant(predictedAt, ZoneOffset.UTC));
    }
}
