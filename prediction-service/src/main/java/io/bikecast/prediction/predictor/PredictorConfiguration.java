package io.bikecast.prediction.predictor;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.calibration.IntervalCalibration;
import io.bikecast.prediction.history.RecentDemand;
import io.bikecast.prediction.log.PredictionLogBuffer;
import io.bikecast.prediction.serving.ModelHolder;
import io.bikecast.prediction.serving.ServedFamilies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
        return create(holder, buffer, meters, clock, properties, properties.modelName(), demand, calibration);
    }

    @Bean
    Predictors predictors(
            Predictor predictor,
            ServedFamilies families,
            PredictionLogBuffer buffer,
            MeterRegistry meters,
            Clock clock,
            PredictionProperties properties,
            RecentDemand demand,
            IntervalCalibration calibration) {
        Map<String, Predictor> byModel = new HashMap<>();
        for (ServedFamilies.Served family : families.all()) {
            byModel.put(
                    family.modelName(),
                    create(
                            family.holder(),
                            buffer,
                            meters,
                            clock,
                            properties,
                            family.modelName(),
                            demand,
                            calibration));
        }
        return new Predictors(predictor, byModel, properties);
    }

    private static Predictor create(
            ModelHolder holder,
            PredictionLogBuffer buffer,
            MeterRegistry meters,
            Clock clock,
            PredictionProperties properties,
            String modelName,
            RecentDemand demand,
            IntervalCalibration calibration) {
        return new Predictor(
                holder,
                new ChallengerRouter(properties.challenger()),
                new ShadowBudget(properties.challenger().shadowPerSecond(), System::nanoTime),
                buffer,
                meters,
                clock,
                modelName,
                demand,
                calibration);
    }
}
