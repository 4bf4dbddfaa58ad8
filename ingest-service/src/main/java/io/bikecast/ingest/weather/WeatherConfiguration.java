package io.bikecast.ingest.weather;

import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** The Open-Meteo clients (forecast and archive) and, unless switched off, the poll schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WeatherConfiguration {

    @Bean
    OpenMeteo openMeteo(WeatherProperties properties) {
        return new OpenMeteo(client(properties.forecastUrl(), properties), client(properties.archiveUrl(), properties));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "bikecast.ingest.weather.scheduled", matchIfMissing = true)
    WeatherSchedule weatherSchedule(WeatherPoller poller) {
        return new WeatherSchedule(poller);
    }

    private static OpenMeteoApi client(URI baseUrl, WeatherProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .requestInterceptor(
                        new BoundedAnswers(properties.maxPayloadSize().toBytes()))
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(OpenMeteoApi.class);
    }

    /** Open-Meteo's two services, each through its own base URL. */
    record OpenMeteo(OpenMeteoApi forecast, OpenMeteoApi archive) {}
}
