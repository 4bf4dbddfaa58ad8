package io.bikecast.prediction.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.NaturalCondition;
import io.bikecast.common.features.ValidCondition;
import io.bikecast.common.features.ValidFeature;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two request forms take their ranges from common-model's one definition, and their messages name their fields. */
class PredictRequestFormsTest {

    @Test
    void eachUciFieldIsCheckedAgainstTheFeatureOfItsName() throws NoSuchFieldException {
        for (Feature feature : FeatureSchema.features()) {
            ValidFeature constraint = UciPredictRequest.class
                    .getDeclaredField(feature.columnName())
                    .getAnnotation(ValidFeature.class);
            assertThat(constraint).as(feature.columnName()).isNotNull();
            assertThat(constraint.value()).isEqualTo(feature);
        }
    }

    @Test
    void eachNaturalWeatherFieldIsCheckedAgainstTheConditionOfItsName() throws NoSuchFieldException {
        for (NaturalCondition condition : NaturalCondition.values()) {
            ValidCondition constraint = NaturalPredictRequest.class
                    .getDeclaredField(condition.componentName())
                    .getAnnotation(ValidCondition.class);
            assertThat(constraint).as(condition.componentName()).isNotNull();
            assertThat(constraint.value()).isEqualTo(condition);
        }
    }

    @Test
    void theMessagesNameEveryFieldOfTheirForm() {
        assertThat(UciPredictRequest.MISSING).contains(String.join(", ", FeatureSchema.featureNames()));
        assertThat(NaturalPredictRequest.FIELDS).isEqualTo(String.join(", ", ownFields(NaturalPredictRequest.class)));
    }

    private static List<String> ownFields(Class<? extends Record> form) {
        return Arrays.stream(form.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(name -> !PredictRequest.SHARED_FIELDS.contains(name))
                .toList();
    }
}
