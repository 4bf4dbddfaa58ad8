package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UciFeaturesTest {

    /** The first row of hour.csv: 2011-01-01 (a Saturday) at midnight, with no wind. */
    static final UciFeatures FIRST_ROW = new UciFeatures(1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879, 0.81, 0.0);

    @Test
    void valueReadsEachFeature() {
        UciFeatures f = new UciFeatures(2, 1, 5, 17, 0, 3, 1, 2, 0.66, 0.6212, 0.44, 0.2836);

        assertThat(Arrays.stream(Feature.values()).mapToDouble(f::value).toArray())
                .containsExactly(2, 1, 5, 17, 0, 3, 1, 2, 0.66, 0.6212, 0.44, 0.2836);
    }

    @Test
    void theVectorIsInSchemaOrderAndRoundTrips() {
        double[] vector = FIRST_ROW.toVector();

        assertThat(vector).containsExactly(1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879, 0.81, 0.0);
        assertThat(UciFeatures.fromVector(vector)).isEqualTo(FIRST_ROW);
        for (int i = 0; i < vector.length; i++) {
            assertThat(vector[i])
                    .isEqualTo(FIRST_ROW.value(FeatureSchema.features().get(i)));
        }
    }

    @Test
    void theVectorIsACopy() {
        FIRST_ROW.toVector()[0] = 99;
        assertThat(FIRST_ROW.toVector()[0]).isEqualTo(1);
    }

    @Test
    void fromVectorRejectsVectorsThatCannotBeFeatures() {
        assertThatThrownBy(() -> UciFeatures.fromVector(new double[11]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12")
                .hasMessageContaining("11");
        assertThatThrownBy(() -> UciFeatures.fromVector(null)).isInstanceOf(IllegalArgumentException.class);
        double[] fractionalHour = FIRST_ROW.toVector();
        fractionalHour[3] = 7.5;
        assertThatThrownBy(() -> UciFeatures.fromVector(fractionalHour))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hr: must be a whole number but was 7.5");
        double[] notANumber = FIRST_ROW.toVector();
        notANumber[0] = Double.NaN;
        assertThatThrownBy(() -> UciFeatures.fromVector(notANumber)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromVectorKeepsOutOfRangeValuesForReporting() {
        double[] vector = FIRST_ROW.toVector();
        vector[0] = 7;
        vector[8] = 1.5;

        UciFeatures f = UciFeatures.fromVector(vector);

        assertThat(f.season()).isEqualTo(7);
        assertThat(f.rangeViolations()).hasSize(2);
    }

    @Test
    void aValidRowHasNoViolations() {
        assertThat(FIRST_ROW.rangeViolations()).isEmpty();
        assertThat(new UciFeatures(4, 1, 12, 23, 1, 6, 1, 4, 1, 1, 1, 1).rangeViolations())
                .isEmpty();
        assertThat(new UciFeatures(1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0).rangeViolations())
                .isEmpty();
    }

    @Test
    void constructionNeverThrowsAndViolationsAreReportedPerField() {
        UciFeatures bad = new UciFeatures(0, 2, 13, 24, -1, 7, 2, 5, 1.2, -0.1, Double.NaN, 3);

        assertThat(bad.rangeViolations())
                .containsExactly(
                        "season: must be a whole number from 1 to 4 but was 0",
                        "yr: must be a whole number from 0 to 1 but was 2",
                        "mnth: must be a whole number from 1 to 12 but was 13",
                        "hr: must be a whole number from 0 to 23 but was 24",
                        "holiday: must be a whole number from 0 to 1 but was -1",
                        "weekday: must be a whole number from 0 to 6 but was 7",
                        "workingday: must be a whole number from 0 to 1 but was 2",
                        "weathersit: must be a whole number from 1 to 4 but was 5",
                        "temp: must be between 0.0 and 1.0 but was 1.2",
                        "atemp: must be between 0.0 and 1.0 but was -0.1",
                        "hum: must be a finite number but was NaN",
                        "windspeed: must be between 0.0 and 1.0 but was 3.0");
    }

    @Test
    void isWrittenAsJsonWithTheUciColumnNamesOnly() {
        JsonMapper mapper = JsonMapper.builder().build();

        String json = mapper.writeValueAsString(FIRST_ROW);

        assertThat(json)
                .isEqualTo("{\"season\":1,\"yr\":0,\"mnth\":1,\"hr\":0,\"holiday\":0,\"weekday\":6,\"workingday\":0,"
                        + "\"weathersit\":1,\"temp\":0.24,\"atemp\":0.2879,\"hum\":0.81,\"windspeed\":0.0}");
        assertThat(mapper.readValue(json, UciFeatures.class)).isEqualTo(FIRST_ROW);
    }
}
