package io.bikecast.training.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.training.forecast.Algorithm;
import io.bikecast.training.forecast.BoostingParameters;
import io.bikecast.training.forest.ForestParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class TrainingPropertiesTest {

    @Test
    void theConfiguredForestDefaultsAreTheBenchmarkedDefaults() {
        TrainingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("bikecast.training", TrainingProperties.class);

        assertThat(properties.forest().toParameters()).isEqualTo(ForestParameters.DEFAULTS);
        assertThat(properties.boosting().toParameters()).isEqualTo(BoostingParameters.DEFAULTS);
        assertThat(properties.candidates()).containsExactly(Algorithm.XGBOOST);
        assertThat(properties.calibrationHours()).isEqualTo(4320);
        assertThat(properties.window().holdoutDays()).isEqualTo(7);
        assertThat(properties.referenceSampleSize()).isEqualTo(8760);
        assertThat(properties.window().days()).isNull();
        assertThat(properties.schedule().cron()).isEqualTo("-");
        assertThat(properties.triggers().observationsIngested()).isFalse();
    }

    /** Comfortably above the default forest fitted on all of the UCI data: 1,333,230 nodes, 22.4 MB stored. */
    @Test
    void theModelSizeBoundsLeaveRoomForTheDefaultForest() {
        TrainingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("bikecast.training", TrainingProperties.class);

        assertThat(properties.maxTreeNodes()).isEqualTo(3_000_000);
        assertThat(properties.maxArtifactBytes()).isEqualTo(DataSize.ofMegabytes(64));
    }

    @Test
    void aFamilyTrainsOnItsOwnWindowOrElseOnTheDefaultModels() {
        TrainingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "bikecast.training.window.holdout-days", "14",
                        "bikecast.training.families[0].model-name", "citibike-stations",
                        "bikecast.training.families[0].series-id", "citibike-*",
                        "bikecast.training.families[0].window.days", "56",
                        "bikecast.training.families[1].model-name", "divvy-stations",
                        "bikecast.training.families[1].series-id", "divvy-*")))
                .bindOrCreate("bikecast.training", TrainingProperties.class);

        assertThat(properties.window("citibike-stations").days()).isEqualTo(56);
        assertThat(properties.window("citibike-stations").holdoutDays())
                .as("the family's own window keeps the documented defaults it does not set")
                .isEqualTo(7);
        assertThat(properties.window("divvy-stations")).isEqualTo(properties.window());
        assertThat(properties.window("bike-demand").holdoutDays()).isEqualTo(14);
        assertThat(properties.window("bike-demand").days()).isNull();
    }
}
