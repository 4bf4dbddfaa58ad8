package io.bikecast.prediction.support;

import io.bikecast.testsupport.FakeTrainingRegistry;

/** What a {@link PredictionServiceTest}'s registry holds when its tests start. */
public enum Serves {
    /** Nothing: the service has no champion and is not ready. */
    NOTHING {
        @Override
        void register(FakeTrainingRegistry registry) {}
    },
    /** {@link TestModels#first()} as champion (v1). */
    CHAMPION {
        @Override
        void register(FakeTrainingRegistry registry) {
            TestModels.registerChampion(registry);
        }
    },
    /** {@link TestForecasters#forecaster()} as champion (v1): XGBoost, log1p, leads 0, 1, 3, 6 and 24. */
    FORECASTER {
        @Override
        void register(FakeTrainingRegistry registry) {
            TestForecasters.registerChampion(registry);
        }
    },
    /** {@link TestModels#first()} as champion (v1) and {@link TestModels#second()} as challenger (v2). */
    CHAMPION_AND_CHALLENGER {
        @Override
        void register(FakeTrainingRegistry registry) {
            TestModels.registerChampionAndChallenger(registry);
        }
    };

    abstract void register(FakeTrainingRegistry registry);
}
