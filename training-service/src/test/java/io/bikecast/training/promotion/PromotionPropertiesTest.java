package io.bikecast.training.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PromotionPropertiesTest {

    @Test
    void thePromotionDefaultsCompareOnUnseenHoursAndLetTiesPromote() {
        PromotionProperties promotion = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("bikecast.training.promotion", PromotionProperties.class);

        assertThat(promotion.minR2()).isEqualTo(0.3);
        assertThat(promotion.minComparisonHours()).isEqualTo(24);
        assertThat(promotion.maxRegression()).isZero();
    }
}
