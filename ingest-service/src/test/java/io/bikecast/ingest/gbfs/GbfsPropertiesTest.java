package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A configuration that could not work is refused at startup, naming the property. */
class GbfsPropertiesTest {

    private static GbfsProperties properties(List<GbfsProperties.Feed> systems, Duration min, Duration max) {
        return new GbfsProperties(
                systems,
                min,
                max,
                DataSize.ofMegabytes(16),
                10,
                Duration.ofMinutes(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                true,
                Duration.ofSeconds(5),
                Duration.ofDays(7),
                Duration.ofDays(30),
                500);
    }

    private static GbfsProperties.Feed feed(String id) {
        return new GbfsProperties.Feed(id, "https://example.com/gbfs.json", true, "en", null);
    }

    @Test
    void systemIdsMustBeSlugsThatLeaveRoomForTheStation() {
        assertThat(feed("citi-bike").id()).isEqualTo("citi-bike");
        for (String bad : new String[] {"Citi", "-citi", "citi_bike", "a".repeat(25), ""}) {
            assertThatIllegalArgumentException().isThrownBy(() -> feed(bad)).withMessageContaining("systems[].id");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GbfsProperties.Feed("x", " ", true, "en", null))
                .withMessageContaining("auto-discovery-url");
    }

    @Test
    void idsAreUniqueAndTheIntervalsOrdered() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(properties(List.of(feed("a"), feed("b")), minute, minute).system("b"))
                .isPresent();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(List.of(feed("a"), feed("a")), minute, minute))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(List.of(), minute, Duration.ofSeconds(30)))
                .withMessageContaining("min-poll-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(List.of(), Duration.ZERO, minute))
                .withMessageContaining("min-poll-interval");
    }
}
