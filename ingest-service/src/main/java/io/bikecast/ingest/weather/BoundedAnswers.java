package io.bikecast.ingest.weather;

import io.bikecast.ingest.input.BoundedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Lets no answer be read past {@code bikecast.ingest.weather.max-payload-size}, whatever its headers claim: a weather
 * service gone wrong (or something posing as one) cannot fill the service's memory.
 */
final class BoundedAnswers implements ClientHttpRequestInterceptor {

    private final long maxBytes;

    BoundedAnswers(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() throws IOException {
                return response.getStatusCode();
            }

            @Override
            public String getStatusText() throws IOException {
                return response.getStatusText();
            }

            @Override
            public HttpHeaders getHeaders() {
                return response.getHeaders();
            }

            @Override
            public InputStream getBody() throws IOException {
                return new BoundedInputStream(
                        response.getBody(),
                        maxBytes,
                        () -> new UnusableAnswerException(
                                "it is larger than " + maxBytes + " bytes (bikecast.ingest.weather.max-payload-size)"));
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }
}
