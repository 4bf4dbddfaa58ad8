package io.bikecast.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.monitoring.support.SettingsDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which models monitoring follows, as bound from its settings, and what {@code ?model=} resolves to. */
class MonitoringPropertiesTest {

    @Test
    void byDefaultOnlyTheDefaultModelIsFollowed() {
        MonitoringProperties defaults = SettingsDefaults.of(MonitoringProperties.class);
        assertThat(defaults.modelName()).isEqualTo("bike-demand");
        assertThat(defaults.families()).isEmpty();
        assertThat(defaults.models()).containsExactly("bike-demand");
        assertThat(defaults.model(null)).isEqualTo("bike-demand");
        assertThat(defaults.model(" ")).isEqualTo("bike-demand");
    }

    @Test
    void familiesAreFollowedBesideTheDefaultModelAndAnyOtherNameIsUnknown() {
        MonitoringProperties settings = bind(Map.of(
                "bikecast.monitoring.families[0].model-name", "citibike-stations",
                "bikecast.monitoring.families[0].series-prefix", "citibike-*",
                "bikecast.monitoring.families[1].model-name", "sim-stations"));
        assertThat(settings.models()).containsExactly("bike-demand", "citibike-stations", "sim-stations");
        assertThat(settings.model("sim-stations")).isEqualTo("sim-stations");
        assertThat(settings.seriesPrefix("citibike-stations"))
                .as("training's form of the prefix works too")
                .hasValue("citibike-");
        assertThat(settings.seriesPrefix("sim-stations")).isEmpty();
        assertThat(settings.seriesPrefix("bike-demand")).isEmpty();
        assertThatThrownBy(() -> settings.model("nowhere-stations"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("no model 'nowhere-stations'")
                .hasMessageContaining(List.of("bike-demand", "citibike-stations", "sim-stations")
                        .toString());
    }

    @Test
    void aModelNamedTwiceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("bikecast.monitoring.families[0].model-name", "bike-demand")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("names the model 'bike-demand' twice");
    }

    private static MonitoringProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bikecast.monitoring", MonitoringProperties.class);
    }
}
