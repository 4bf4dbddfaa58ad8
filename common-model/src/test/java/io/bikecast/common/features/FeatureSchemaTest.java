package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {

    @Test
    void namesTheFeaturesInModelOrder() {
        assertThat(FeatureSchema.featureNames())
                .containsExactly(
                        "season",
                        "yr",
                        "mnth",
                        "hr",
                        "holiday",
                        "weekday",
                        "workingday",
                        "weathersit",
                        "temp",
                        "atemp",
                        "hum",
                        "windspeed");
        assertThat(FeatureSchema.features()).containsExactly(Feature.values());
    }

    @Test
    void isVersionOneWithTheCountAsTarget() {
        assertThat(FeatureSchema.VERSION).isEqualTo(1);
        assertThat(FeatureSchema.TARGET).isEqualTo("cnt");
    }

    @Test
    void callersCannotChangeTheSchema() {
        FeatureSchema.featureNames()[0] = "changed";
        assertThat(FeatureSchema.featureNames()[0]).isEqualTo("season");
        assertThatThrownBy(() -> FeatureSchema.features().set(0, Feature.HR))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theNamesAreTheUciColumnsAndTheFeatureRecordsComponents() {
        String[] components = Arrays.stream(UciFeatures.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new);
        assertThat(FeatureSchema.featureNames()).containsExactly(components);
        assertThat(FeatureEngineering.featureNames()).containsExactly(FeatureSchema.featureNames());
    }
}
