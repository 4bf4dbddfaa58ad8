package io.bikecast.prediction.history;

import io.bikecast.prediction.PredictionProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the recent demand, its listener and its reading from the ingest service. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    RecentDemand recentDemand(PredictionProperties properties, ObjectProvider<ActualsObserver> observers) {
        return new RecentDemand(
                properties.history().maxHours(),
                properties.history().maxSeries(),
                observers.orderedStream().toList());
    }

    @Bean
    IngestHistory ingestHistory(RecentDemand demand, PredictionProperties properties) {
        PredictionProperties.Ingest ingest = properties.ingest();
        return new IngestHistory(
                IngestExportApi.create(ingest.baseUrl(), ingest.connectTimeout(), ingest.readTimeout()),
                demand,
                properties.history().maxSeries());
    }

    @Bean
    ActualsListener actualsListener(RecentDemand demand, IngestHistory ingest, Clock clock) {
        return new ActualsListener(demand, ingest, clock);
    }

    @Bean
    HistoryRebuild historyRebuild(
            IngestHistory ingest, RecentDemand demand, ActualsListener listener, PredictionProperties properties) {
        return new HistoryRebuild(
                ingest, properties.ingest().baseUrl(), demand, properties.history(), listener::listening);
    }
}
