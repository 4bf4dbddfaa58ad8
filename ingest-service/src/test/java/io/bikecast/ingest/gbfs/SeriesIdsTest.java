package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.series.SeriesId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping of (system, station_id) to series ids: readable where it can be, collision-free always. */
class SeriesIdsTest {

    private static final Set<String> NONE = Set.of();

    private static String assign(String station) {
        return SeriesIds.assign("citibike", station, NONE::contains).value();
    }

    @Test
    void cleanIdsAreKeptAsTheyAre() {
        assertThat(assign("72")).isEqualTo("citibike-72");
        assertThat(assign("station_12-b")).isEqualTo("citibike-station_12-b");
    }

    @Test
    void upperCaseUuidsGetASanitisedPrefixAndAHash() {
        String id = assign("08263F12-1F3F-11E7-BF6B-3863BB334450");
        assertThat(id).matches(SeriesId.REGEX).startsWith("citibike-08263f12-1f3f-11e7-bf6b-3863bb334450-");
        assertThat(id).hasSize("citibike-08263f12-1f3f-11e7-bf6b-3863bb334450-".length() + 8);
        // A lower-case UUID is clean and keeps its plain form, so the two never meet.
        assertThat(assign("08263f12-1f3f-11e7-bf6b-3863bb334450"))
                .isEqualTo("citibike-08263f12-1f3f-11e7-bf6b-3863bb334450");
    }

    @Test
    void dotsSpacesAndOtherCharactersBecomeOneDash() {
        assertThat(assign("dock.7")).matches("citibike-dock-7-[0-9a-f]{8}");
        assertThat(assign("Station 42 / Nord")).matches("citibike-station-42-nord-[0-9a-f]{8}");
        assertThat(assign("..."))
                .matches("citibike-[0-9a-f]{8}")
                .as("nothing left to keep")
                .isNotEqualTo(assign("!!!"));
        assertThat(assign("Métro")).matches("citibike-m-tro-[0-9a-f]{8}");
    }

    @Test
    void veryLongIdsAreCutToSixtyFourCharacters() {
        String longId = "x".repeat(200);
        String id = assign(longId);
        assertThat(id).hasSize(64).matches(SeriesId.REGEX);
        assertThat(assign("x".repeat(199) + "y")).hasSize(64).isNotEqualTo(id);
        // 55 clean characters still fit plain: 9 for "citibike-"
        assertThat(assign("a".repeat(55))).isEqualTo("citibike-" + "a".repeat(55));
        assertThat(assign("a".repeat(56))).hasSize(64).matches("citibike-a+-[0-9a-f]{8}");
    }

    @Test
    void idsThatSanitiseAlikeGetDifferentSeries() {
        Set<String> ids = new HashSet<>();
        for (String station : new String[] {"A.B", "a.b", "A-B", "a-b", "a b", "A_B!", "a_b"}) {
            ids.add(assign(station));
        }
        assertThat(ids).hasSize(7).allMatch(id -> id.matches(SeriesId.REGEX));
        assertThat(assign("a-b")).isEqualTo("citibike-a-b");
    }

    @Test
    void aTakenCandidateFallsBackToALongerHash() {
        String first = assign("A.B");
        Set<String> taken = Set.of(first);
        String second = SeriesIds.assign("citibike", "A.B", taken::contains).value();
        assertThat(second).isNotEqualTo(first).matches("citibike-a-b-[0-9a-f]{16}");
        // A clean id whose plain form is taken (by a hashed id that happens to spell it) is hashed too.
        String plainTaken = SeriesIds.assign("citibike", "72", Set.of("citibike-72")::contains)
                .value();
        assertThat(plainTaken).matches("citibike-72-[0-9a-f]{8}");
    }

    @Test
    void theMappingIsStable() {
        assertThat(assign("dock.7")).isEqualTo(assign("dock.7"));
    }
}
