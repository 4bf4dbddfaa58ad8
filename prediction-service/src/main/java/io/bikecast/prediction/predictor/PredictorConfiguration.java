package io.bikecast.prediction.predictor;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.calibration.IntervalCalibration;
import io.bikecast.prediction.history.RecentDemand;
import io.bikecast.prediction.log.PredictionLogBuffer;
import io.bikecast.prediction.serving.ModelHolder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the predictor and its challenger routing. */
@Configuration(proxyBeanMethods = false)
class PredictorConfiguration {

    @Bean
    Predictor predictor(
            ModelHolder holder,
            PredictionLogBuffer buffer,
            MeterRegistry meters,
            Clock clock,
            PredictionProperties properties,
            RecentDemand demand,
            IntervalCalibration calibration) {
        return new Predictor(
                holder,
                new ChallengerRouter(properties.challenger()),
                new ShadowBudget(properties.challenger().shadowPerSecond(), System::nanoTime),
                buffer,
                meters,
                clock,
                properties.modelName(),
                demand,
                calibration);
    }
}
