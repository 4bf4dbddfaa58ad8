package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HorizonsTest {

    @Test
    void aHorizonIsServedByTheShortestLeadThatCoversIt() {
        assertThat(Horizons.leadFor(1)).hasValue(1);
        assertThat(Horizons.leadFor(2)).hasValue(3);
        assertThat(Horizons.leadFor(3)).hasValue(3);
        assertThat(Horizons.leadFor(4)).hasValue(6);
        assertThat(Horizons.leadFor(7)).hasValue(24);
        assertThat(Horizons.leadFor(24)).hasValue(24);
    }

    @Test
    void beyondTheLongestLeadOrAtTheIssueTimeNoHistoryModelServes() {
        assertThat(Horizons.leadFor(25)).isEmpty();
        assertThat(Horizons.leadFor(0)).isEmpty();
        assertThat(Horizons.leadFor(-3)).isEmpty();
    }
}
