package io.bikecast.console.services;

import io.bikecast.console.ConsoleProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** One {@code @HttpExchange} client per service, at the base URL the properties give. */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    private final ConsoleProperties properties;

    ServiceClients(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Bean
    TrainingApi trainingApi() {
        return client(properties.trainingUrl(), TrainingApi.class);
    }

    @Bean
    PredictionApi predictionApi() {
        return client(properties.predictionUrl(), PredictionApi.class);
    }

    @Bean
    MonitoringApi monitoringApi() {
        return client(properties.monitoringUrl(), MonitoringApi.class);
    }

    @Bean
    IngestApi ingestApi() {
        return client(properties.ingestUrl(), IngestApi.class);
    }

    @Bean
    GbfsApi gbfsApi() {
        return client(properties.ingestUrl(), GbfsApi.class);
    }

    private <T> T client(URI baseUrl, Class<T> api) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(api);
    }
}
