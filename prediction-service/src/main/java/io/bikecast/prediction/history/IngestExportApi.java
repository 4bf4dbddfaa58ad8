package io.bikecast.prediction.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
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
 * The two read endpoints of the ingest service the rebuild uses, unauthenticated GETs. Hours travel as ISO local
 * date-time strings formatted by the caller.
 */
@HttpExchange(url = "/api/v1/ingest", accept = MediaType.APPLICATION_JSON_VALUE)
interface IngestExportApi {

    /** Every series with stored hours, with its first and last. */
    @GetExchange("/series")
    List<SeriesRange> series();

    /**
     * The rows of a series from {@code from} (inclusive) on, oldest first.
     *
     * @param to the end (exclusive), or null for no end
     */
    @GetExchange("/observations/export")
    Export export(
            @RequestParam String series,
            @RequestParam String from,
            @RequestParam(required = false) @Nullable String to);

    /**
     * A client of the ingest service. The read timeout is the socket's (the longest wait for the next bytes), which
     * suits an export streamed page by page.
     */
    static IngestExportApi create(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(IngestExportApi.class);
    }

    /** A series' stored hours, as {@code GET /api/v1/ingest/series} lists them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeriesRange(String seriesId, LocalDateTime lastHour) {}

    /**
     * An export: the column names once, one positional array per hour, and the row count, which the ingest service
     * writes only after the last row, so an export without it was cut off.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Export(
            String seriesId,
            @Nullable List<String> columns,
            @Nullable List<List<Object>> rows,
            @Nullable Long count) {}
}
