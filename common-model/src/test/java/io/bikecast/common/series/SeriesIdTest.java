package io.bikecast.common.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class SeriesIdTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void theUciDataIsTheSystemSeriesInWashingtonTime() {
        assertThat(SeriesId.SYSTEM.value()).isEqualTo("system");
        assertThat(SeriesId.ZONE).isEqualTo(ZoneId.of("America/New_York"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "a", "0", "station-31000", "dupont_circle", "a-b_c-9"})
    void acceptsLowerCaseIds(String value) {
        assertThat(new SeriesId(value).value()).isEqualTo(value);
        assertThat(SeriesId.of(value)).isEqualTo(new SeriesId(value));
    }

    @Test
    void acceptsUpToSixtyFourCharacters() {
        String longest = "a".repeat(64);
        assertThat(SeriesId.of(longest).value()).hasSize(64);
        assertThatThrownBy(() -> SeriesId.of(longest + "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "System", "-system", "_x", "has space", "sl/ash", "dot.ted", "ünï", "system\n"})
    void rejectsAnythingElse(String value) {
        assertThatThrownBy(() -> new SeriesId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series id");
    }

    @Test
    void aPrefixIsWhatASeriesIdCanBeginWith() {
        assertThat(SeriesId.isPrefix("citibike-")).isTrue();
        assertThat(SeriesId.isPrefix("a".repeat(63))).isTrue();
        assertThat(SeriesId.isPrefix("a".repeat(64))).isFalse();
        assertThat(SeriesId.isPrefix("")).isFalse();
        assertThat(SeriesId.isPrefix("-sim")).isFalse();
        assertThat(SeriesId.isPrefix("Sim ")).isFalse();
        assertThat(SeriesId.isPrefix(null)).isFalse();
    }

    @Test
    void printsAsItsValue() {
        assertThat(SeriesId.of("station-31000")).hasToString("station-31000");
    }

    @Test
    void isAPlainStringInJson() {
        assertThat(mapper.writeValueAsString(SeriesId.SYSTEM)).isEqualTo("\"system\"");
        assertThat(mapper.readValue("\"station-31000\"", SeriesId.class)).isEqualTo(SeriesId.of("station-31000"));
        assertThat(mapper.writeValueAsString(List.of(SeriesId.SYSTEM, SeriesId.of("x"))))
                .isEqualTo("[\"system\",\"x\"]");
        assertThat(mapper.readValue("[\"system\",\"x\"]", new TypeReference<List<SeriesId>>() {}))
                .containsExactly(SeriesId.SYSTEM, SeriesId.of("x"));
    }

    @Test
    void invalidJsonValuesAreRejected() {
        assertThatThrownBy(() -> mapper.readValue("\"Not Valid\"", SeriesId.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("series id");
    }
}
