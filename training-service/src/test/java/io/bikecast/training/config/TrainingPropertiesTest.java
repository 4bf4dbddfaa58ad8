package io.bikecast.training.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.training.forest.ForestParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TrainingPropertiesTest {

    @Test
    void theConfiguredForestDefaultsAreTheBenchmarkedDefaults() {
        TrainingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("bikecast.training", TrainingProperties.class);

        assertThat(properties.forest().toParameters()).isEqualTo(ForestParameters.DEFAULTS);
        assertThat(properties.window().holdoutDays()).isEqualTo(60);
        assertThat(properties.window().days()).isNull();
        assertThat(properties.schedule().cron()).isEqualTo("0 0 2 * * *");
        assertThat(properties.triggers().observationsIngested()).isFalse();
    }
}
