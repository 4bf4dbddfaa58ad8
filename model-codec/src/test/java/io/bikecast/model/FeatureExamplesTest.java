package io.bikecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.UciFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

class FeatureExamplesTest {

    /** The first row of hour.csv: 2011-01-01 (a Saturday) at midnight, with no wind. */
    private static final UciFeatures FIRST_ROW = new UciFeatures(1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879, 0.81, 0.0);

    @Test
    void aTrainingExampleHasEveryFeatureByNameAndTheCountAsOutput() {
        Example<Regressor> example = FeatureExamples.example(FIRST_ROW, 16);

        assertThat(example.getOutput().getNames()).containsExactly(FeatureSchema.TARGET);
        assertThat(example.getOutput().getValues()).containsExactly(16.0);
        assertFeatures(example, FIRST_ROW);
    }

    @Test
    void anUnlabelledExampleHasTheUnknownOutput() {
        Example<Regressor> example = FeatureExamples.unlabelledExample(FIRST_ROW);

        assertThat(example.getOutput()).isSameAs(RegressionFactory.UNKNOWN_REGRESSOR);
        assertFeatures(example, FIRST_ROW);
    }

    @Test
    void zeroValuedFeaturesAreKept() {
        UciFeatures zeros = new UciFeatures(1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0);

        Example<Regressor> example = FeatureExamples.example(zeros, 0);

        assertThat(example.size()).isEqualTo(12);
        assertFeatures(example, zeros);
        assertThat(example.lookup("windspeed").getValue()).isZero();
        assertThat(example.lookup("yr").getValue()).isZero();
    }

    @Test
    void zeroValuedFeaturesSurviveADataset() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        dataset.add(FeatureExamples.example(FIRST_ROW, 16));
        dataset.add(FeatureExamples.example(new UciFeatures(2, 1, 5, 17, 0, 3, 1, 2, 0.66, 0.6212, 0.44, 0.2836), 500));

        assertThat(dataset.getFeatureMap().keySet()).containsExactlyInAnyOrder(FeatureSchema.featureNames());
        assertFeatures(dataset.getExample(0), FIRST_ROW);
    }

    private static void assertFeatures(Example<Regressor> example, UciFeatures f) {
        assertThat(example.validateExample()).isTrue();
        assertThat(example.size()).isEqualTo(FeatureSchema.features().size());
        List<String> names = new ArrayList<>();
        for (org.tribuo.Feature feature : example) {
            names.add(feature.getName());
        }
        // Tribuo keeps features sorted by name; identity is the name, not the position
        assertThat(names)
                .containsExactlyInAnyOrder(FeatureSchema.featureNames())
                .isSorted();
        for (Feature feature : FeatureSchema.features()) {
            assertThat(example.lookup(feature.columnName()).getValue())
                    .as(feature.columnName())
                    .isEqualTo(f.value(feature));
        }
    }

    @Test
    void historyFeaturesFollowTheUciFeaturesAndAMissingOneIsLeftOut() {
        double[] history = {12, Double.NaN, 0, 30, 28, 25.5, 27.25};

        Example<Regressor> example = FeatureExamples.example(FIRST_ROW, history, 16);

        List<String> names = new ArrayList<>();
        example.forEach(feature -> names.add(feature.getName()));
        assertThat(names)
                .containsAll(List.of(FeatureSchema.featureNames()))
                .contains("lag_lead", "lag_lead_2", "lag_day", "same_hour_4_weeks")
                .doesNotContain("lag_lead_1")
                .hasSize(FeatureSchema.featureNames().length + history.length - 1);
        assertThat(example.lookup("lag_lead_2").getValue())
                .as("a zero is a value, not a gap")
                .isZero();
        assertThat(example.lookup("same_hour_7_days").getValue()).isEqualTo(25.5);
    }

    @Test
    void refusesHistoryOfTheWrongLength() {
        assertThatThrownBy(() -> FeatureExamples.unlabelledExample(FIRST_ROW, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 were given");
    }
}
