package io.bikecast.prediction.support;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees of the service while it has no champion. */
public final class WithoutChampion {

    private WithoutChampion() {}

    /**
     * Live, not ready (Boot's {@code readinessState} out of service and {@code model} down), and a prediction answered
     * with the 503 {@code no-champion} problem, never a number.
     */
    public static void assertLiveButNotReady(Http http) {
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
        assertThat(readiness
                        .body()
                        .path("components")
                        .path("readinessState")
                        .path("status")
                        .asString())
                .isEqualTo("OUT_OF_SERVICE");
        assertThat(readiness
                        .body()
                        .path("components")
                        .path("model")
                        .path("status")
                        .asString())
                .isEqualTo("DOWN");
        Http.Response refused = http.post("/api/v1/predict", Payloads.uci(TestModels.row(100)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.body().path("type").asString()).isEqualTo("https://bikecast.io/problems/no-champion");
        assertThat(refused.body().has("predictedCount")).isFalse();
    }
}
