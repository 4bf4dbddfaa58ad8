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
        assertThat(properties.window().holdoutDays()).isEqualTo(7);
        assertThat(properties.referenceSampleSize()).isEqualTo(8760);
        assertThat(properties.window().days()).isNull();
        assertThat(properties.schedule().cron()).isEqualTo("-");
        assertThat(properties.triggers().observationsIngested()).isFalse();
    }

    @Test
    void thePromotionDefaultsCompareOnUnseenHoursAndLetTiesPromote() {
        PromotionProperties promotion = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("bikecast.training.promotion", PromotionProperties.class);

        assertThat(promotion.minR2()).isEqualTo(0.3);
        assertThat(promotion.minComparisonHours()).isEqualTo(24);
        assertThat(promotion.maxRegression()).isZero();
    }
}
