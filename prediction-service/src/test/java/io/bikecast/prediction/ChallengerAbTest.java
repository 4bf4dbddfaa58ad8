package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.Serves;
import io.bikecast.prediction.support.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A challenger with a 20 % A/B share answers 20 % ± 3 % of 5,000 predictions (a binomial standard deviation is 0.57
 * points, so the tolerance is over five of them), sticks to a client key, and every answer names the version that
 * gave it.
 */
@PredictionServiceTest(
        serves = Serves.CHAMPION_AND_CHALLENGER,
        properties = {"bikecast.prediction.challenger.mode=AB", "bikecast.prediction.challenger.share=0.2"})
class ChallengerAbTest {

    private static final int PREDICTIONS = 5_000;

    @LocalServerPort
    private int port;

    @Test
    void splitsTrafficByTheConfiguredShareStickyPerClientKey() {
        Http http = new Http(port);

        JsonNode first = predictBatch(http, true);
        JsonNode again = predictBatch(http, true);

        int challenger = 0;
        for (int i = 0; i < PREDICTIONS; i++) {
            JsonNode prediction = first.get(i);
            boolean byChallenger = prediction.path("servedBy").asString().equals("CHALLENGER");
            challenger += byChallenger ? 1 : 0;
            assertThat(prediction.path("modelVersion").asLong()).isEqualTo(byChallenger ? 2 : 1);
            double expected = (byChallenger ? TestModels.second() : TestModels.first())
                    .predict(TestModels.row(i % 17_000).features());
            assertThat(prediction.path("rawPrediction").asDouble())
                    .isEqualTo(expected, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(again.get(i).path("servedBy").asString())
                    .as("client-%d sees the same model again", i)
                    .isEqualTo(prediction.path("servedBy").asString());
        }
        assertThat(challenger / (double) PREDICTIONS).isBetween(0.17, 0.23);
    }

    @Test
    void splitsTrafficWithoutClientKeysAtRandomByTheSameShare() {
        JsonNode predictions = predictBatch(new Http(port), false);

        long challenger = java.util.stream.IntStream.range(0, PREDICTIONS)
                .filter(i -> predictions.get(i).path("servedBy").asString().equals("CHALLENGER"))
                .count();
        assertThat(challenger / (double) PREDICTIONS).isBetween(0.17, 0.23);
    }

    @Test
    void reportsTheChallengerWithItsModeAndShare() {
        JsonNode active = new Http(port).get("/api/v1/models/active").body();

        assertThat(active.path("champion").path("version").asLong()).isEqualTo(1);
        assertThat(active.path("challenger").path("model").path("version").asLong())
                .isEqualTo(2);
        assertThat(active.path("challenger").path("mode").asString()).isEqualTo("AB");
        assertThat(active.path("challenger").path("share").asDouble()).isEqualTo(0.2);
    }

    private static JsonNode predictBatch(Http http, boolean withClientKeys) {
        List<Map<String, Object>> rows = new ArrayList<>(PREDICTIONS);
        for (int i = 0; i < PREDICTIONS; i++) {
            Map<String, Object> row = Payloads.uci(TestModels.row(i % 17_000));
            if (withClientKeys) {
                row.put("clientKey", "client-" + i);
            }
            rows.add(row);
        }
        Http.Response response = http.post("/api/v1/predict/batch", Map.of("rows", rows));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body().path("predictions");
    }
}
