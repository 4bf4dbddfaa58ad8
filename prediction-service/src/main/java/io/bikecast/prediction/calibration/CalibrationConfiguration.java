package io.bikecast.prediction.calibration;

import io.bikecast.prediction.PredictionProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the live calibration of the intervals. */
@Configuration(proxyBeanMethods = false)
class CalibrationConfiguration {

    @Bean
    IntervalCalibration intervalCalibration(PredictionProperties properties, MeterRegistry meters) {
        PredictionProperties.Intervals intervals = properties.intervals();
        return new IntervalCalibration(
                intervals.adaptationRate(),
                intervals.minScale(),
                intervals.maxScale(),
                properties.history().maxSeries(),
                meters);
    }
}
