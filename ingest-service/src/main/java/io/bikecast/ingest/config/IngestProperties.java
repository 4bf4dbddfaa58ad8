package io.bikecast.ingest.config;

import io.bikecast.platform.web.PlausibleYears;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and settings of the ingest service ({@code bikecast.ingest.*}). The limits exist so that hostile or broken
 * input is refused with a clear answer instead of exhausting memory, disk or threads.
 *
 * @param maxUploadSize the largest CSV accepted as a request body or multipart file, and the largest CSV read from a
 *     path, a URL or a zip entry (default 32MB; the whole UCI {@code hour.csv} is 1.1 MB). Larger content is refused
 *     with 413 (uploads) or 422 (sources by reference)
 * @param maxRows the most rows one batch may hold (default 500000); a batch is validated in memory before its single
 *     transaction, so this bounds the memory one request can take
 * @param maxRejections the most contract violations one batch may have before it is refused as a whole (default
 *     10000): a file that bad is the wrong file, and storing each of its violations would help nobody
 * @param reportedRejections how many rejections an ingest response lists (default 20); all of them are stored and
 *     readable at {@code /api/v1/ingest/batches/{id}}
 * @param dataDirectory the directory {@code POST /api/v1/ingest/uci} may read files from by {@code path} (default
 *     {@code data}, relative to the working directory); nothing outside it is ever read
 * @param fetch how CSV and zip files are downloaded by URL
 * @param archive limits applied while reading {@code hour.csv} out of a zip
 * @param replay limits of replays
 * @param plausibleYears the years an observation's date may fall in (default 1970 to 2100); a row outside them is
 *     rejected, naming its date column
 */
@ConfigurationProperties("bikecast.ingest")
public record IngestProperties(
        @DefaultValue("32MB") DataSize maxUploadSize,
        @DefaultValue("500000") int maxRows,
        @DefaultValue("10000") int maxRejections,
        @DefaultValue("20") int reportedRejections,
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue Fetch fetch,
        @DefaultValue Archive archive,
        @DefaultValue Replay replay,
        @DefaultValue PlausibleYears plausibleYears) {

    /**
     * Downloads by URL.
     *
     * @param connectTimeout how long to wait for the TCP connection (default 5s)
     * @param readTimeout how long any single read may wait for data, headers included (default 30s); a server that
     *     stops answering fails the request with 422 after this long
     * @param allowedHosts the hosts URLs may point at; empty (the default) allows any host. Set it in production to
     *     keep the service from being used to probe the internal network, e.g. {@code archive.ics.uci.edu}
     * @param allowedAddresses addresses (CIDR blocks or single IPs) a URL may resolve to although they are loopback,
     *     link-local, private or otherwise internal; default none: such URLs are refused before any connection, e.g.
     *     {@code 127.0.0.1/32} for a mirror on the same machine
     * @param maxRedirects how many redirects a download follows, each checked like the first URL (default 5)
     */
    public record Fetch(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue List<String> allowedHosts,
            @DefaultValue List<String> allowedAddresses,
            @DefaultValue("5") int maxRedirects) {}

    /**
     * Zip files (the official UCI archive holds {@code hour.csv}, {@code day.csv} and {@code Readme.txt}).
     *
     * @param maxEntries the most entries read before giving up on finding {@code hour.csv} (default 100)
     * @param maxUncompressedSize the most bytes decompressed from the whole archive (default 64MB): a zip bomb is
     *     refused once it has inflated this much, whatever its entries claim
     */
    public record Archive(
            @DefaultValue("100") int maxEntries,
            @DefaultValue("64MB") DataSize maxUncompressedSize) {}

    /**
     * Replays.
     *
     * @param maxRunning how many replays may run at once (default 4)
     */
    public record Replay(@DefaultValue("4") int maxRunning) {}
}
