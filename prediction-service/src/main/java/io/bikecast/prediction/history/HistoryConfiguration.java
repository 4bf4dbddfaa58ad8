package io.bikecast.prediction.history;

import io.bikecast.prediction.PredictionProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the recent demand, its actuals listener and its rebuild from the ingest service. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    RecentDemand recentDemand(PredictionProperties properties) {
        return new RecentDemand(
                properties.history().maxHours(), properties.history().maxSeries());
    }

    @Bean
    ActualsListener actualsListener(RecentDemand demand, Clock clock) {
        return new ActualsListener(demand, clock);
    }

    @Bean
    HistoryRebuild historyRebuild(RecentDemand demand, ActualsListener listener, PredictionProperties properties) {
        PredictionProperties.Ingest ingest = properties.ingest();
        return new HistoryRebuild(
                IngestExportApi.create(ingest.baseUrl(), ingest.connectTimeout(), ingest.readTimeout()),
                ingest.baseUrl(),
                demand,
                properties.history(),
                listener::listening);
    }
}
