package io.bikecast.training.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.platform.clock.ClockMode;
import io.bikecast.platform.clock.ClockProperties;
import io.bikecast.training.config.TrainingProperties;
import org.junit.jupiter.api.Test;

class ScheduledRetrainingTest {

    private static final ClockProperties WALL = new ClockProperties(ClockMode.WALL);
    private static final ClockProperties DATA = new ClockProperties(ClockMode.DATA);

    @Test
    void runsASetCronOnTheWallClock() {
        assertThat(ScheduledRetraining.effectiveCron(new TrainingProperties.Schedule("0 0 2 * * *", "UTC"), WALL))
                .contains("0 0 2 * * *");
    }

    @Test
    void isOffByDefault() {
        assertThat(ScheduledRetraining.effectiveCron(new TrainingProperties.Schedule("-", "UTC"), WALL))
                .isEmpty();
    }

    @Test
    void neverRunsOnTheDataClockEvenWhenSet() {
        assertThat(ScheduledRetraining.effectiveCron(new TrainingProperties.Schedule("0 0 2 * * *", "UTC"), DATA))
                .isEmpty();
    }
}
