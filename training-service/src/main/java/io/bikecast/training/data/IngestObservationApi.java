package io.bikecast.training.data;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The two read endpoints of the ingest service that training uses, unauthenticated (GETs need no API key). Local hours
 * travel as ISO strings formatted by the caller ({@link ObservationReader}), never through a conversion service whose
 * default style for a date-time is locale-dependent.
 */
@HttpExchange(url = "/api/v1/ingest", accept = MediaType.APPLICATION_JSON_VALUE)
interface IngestObservationApi {

    /** The stored range of one series: a list of one, or empty when the series has no hours. */
    @GetExchange("/series")
    List<ObservationExport.SeriesRange> series(@RequestParam String series);

    /** The stored ranges of every series whose id starts with the prefix, by id. */
    @GetExchange("/series")
    List<ObservationExport.SeriesRange> seriesStartingWith(@RequestParam String prefix);

    /**
     * The rows of a series with {@code from <= hour < to}, oldest first.
     *
     * @param from the first hour (inclusive), or null for the first stored one
     * @param to the end (exclusive), or null for no end
     */
    @GetExchange("/observations/export")
    ObservationExport export(
            @RequestParam String series,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to);

    /**
     * A client of the ingest service at {@code baseUrl}. {@link SimpleClientHttpRequestFactory}'s read timeout is the
     * socket's: the longest wait for the next bytes, which is what suits an answer streamed page by page (the JDK
     * client's request timeout would bound the whole transfer instead).
     */
    static IngestObservationApi create(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(IngestObservationApi.class);
    }
}
