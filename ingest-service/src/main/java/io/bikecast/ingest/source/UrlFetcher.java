package io.bikecast.ingest.source;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.input.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Opens an http(s) URL for reading, with the configured connect and read timeouts; the read timeout applies to every
 * read, so a server that stalls halfway through a body fails the ingest instead of holding a thread forever.
 *
 * <p>Other features that download (the GBFS poller) build one of their own with {@link #UrlFetcher(IngestProperties.Fetch,
 * HostResolver)} so that every download obeys the same host and address rules.
 */
@Component
public class UrlFetcher {

    private final IngestProperties.Fetch settings;
    private final FetchAddressPolicy addresses;

    @Autowired
    UrlFetcher(IngestProperties properties, HostResolver resolver) {
        this(properties.fetch(), resolver);
    }

    /**
     * A fetcher with settings of its own: their timeouts, and their allowed hosts and addresses (pass those of
     * {@code bikecast.ingest.fetch} to keep the service's rules).
     */
    public UrlFetcher(IngestProperties.Fetch settings, HostResolver resolver) {
        this.settings = settings;
        this.addresses = new FetchAddressPolicy(resolver, settings);
    }

    /**
     * The URL checked: absolute, http or https, on an allowed host, without credentials. Where it resolves to is
     * checked by {@link #open}, just before it connects.
     *
     * @throws RefusedSourceException naming what is wrong
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "only http and https URLs can be ingested");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "has no host");
        }
        if (uri.getUserInfo() != null) {
            throw invalid(url, "credentials in URLs are not accepted");
        }
        if (!settings.allowedHosts().isEmpty()
                && settings.allowedHosts().stream().noneMatch(host -> host.equalsIgnoreCase(uri.getHost()))) {
            throw invalid(url, "host is not in bikecast.ingest.fetch.allowed-hosts");
        }
        return uri;
    }

    /**
     * Opens the body of a successful GET. Redirects are followed by hand, at most {@code max-redirects} of them, so
     * that each target passes {@link #check} and the address policy before it is connected to, as the first URL did.
     *
     * @throws RefusedSourceException if the URL or a redirect points at a refused address
     * @throws SourceUnavailableException if the server cannot be reached, does not answer in time, redirects too often
     *     or answers with anything but 2xx. The answer's body is never quoted.
     */
    public InputStream open(URI first) {
        return open(first, "text/csv, application/zip, */*");
    }

    /** {@link #open(URI)} asking for the given media types. */
    public InputStream open(URI first, String accept) {
        URI uri = first;
        for (int redirects = 0; ; redirects++) {
            addresses.check(uri, redirects == 0 ? "url" : "url (redirected to " + uri + ")");
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(
                        Math.toIntExact(settings.connectTimeout().toMillis()));
                connection.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
                connection.setInstanceFollowRedirects(false);
                connection.setRequestProperty("Accept", accept);
                int status = connection.getResponseCode();
                if (status >= 300 && status <= 399 && connection.getHeaderField("Location") != null) {
                    String location = connection.getHeaderField("Location");
                    connection.disconnect();
                    if (redirects >= settings.maxRedirects()) {
                        throw new SourceUnavailableException(
                                SourceUnavailableException.Reason.BAD_STATUS,
                                "GET " + first + " redirected more than " + settings.maxRedirects()
                                        + " times (bikecast.ingest.fetch.max-redirects).");
                    }
                    uri = check(uri.resolve(location).toString());
                    continue;
                }
                if (status < 200 || status > 299) {
                    connection.disconnect();
                    throw new SourceUnavailableException(
                            SourceUnavailableException.Reason.BAD_STATUS,
                            "GET " + uri + " answered HTTP " + status + ".");
                }
                return connection.getInputStream();
            } catch (SocketTimeoutException e) {
                disconnect(connection);
                throw new SourceUnavailableException(
                        SourceUnavailableException.Reason.TIMED_OUT,
                        "GET " + uri + " did not answer in time (connect timeout " + settings.connectTimeout()
                                + ", read timeout " + settings.readTimeout() + ").");
            } catch (IllegalArgumentException e) {
                disconnect(connection);
                throw invalid(uri.toString(), "redirected to a location that is not a valid URL");
            } catch (IOException e) {
                disconnect(connection);
                throw new SourceUnavailableException(
                        SourceUnavailableException.Reason.UNREACHABLE, "GET " + uri + " failed: " + e.getMessage());
            }
        }
    }

    private static void disconnect(HttpURLConnection connection) {
        if (connection != null) {
            connection.disconnect();
        }
    }

    private static RefusedSourceException invalid(String url, String reason) {
        return new RefusedSourceException(
                RefusedSourceException.Reason.INVALID_URL,
                "The URL cannot be ingested: " + reason + ".",
                "url",
                reason,
                url);
    }
}
