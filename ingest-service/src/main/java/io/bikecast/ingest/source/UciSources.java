package io.bikecast.ingest.source;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.input.BoundedInputStream;
import io.bikecast.ingest.input.InputTooLargeException;
import io.bikecast.ingest.input.SourceUnavailableException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Opens a CSV given by reference: a file in the data directory or an http(s) URL, either of which may be the CSV
 * itself or a zip holding {@code hour.csv} (recognised by its content, not its name). The CSV stream is limited to
 * {@code bikecast.ingest.max-upload-size}, like an upload.
 */
@Component
class UciSources {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final DataDirectory dataDirectory;
    private final UrlFetcher fetcher;
    private final IngestProperties properties;

    UciSources(DataDirectory dataDirectory, UrlFetcher fetcher, IngestProperties properties) {
        this.dataDirectory = dataDirectory;
        this.fetcher = fetcher;
        this.properties = properties;
    }

    /** Opens a file of the data directory; the caller closes the stream. */
    InputStream openPath(String path) {
        Path file = dataDirectory.resolve(path);
        try {
            return csvOf(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a URL without opening it. */
    URI checkUrl(String url) {
        return fetcher.check(url);
    }

    /** Downloads a URL; the caller closes the stream. */
    InputStream openUrl(URI url) {
        return csvOf(fetcher.open(url));
    }

    private InputStream csvOf(InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        long maxCsv = properties.maxUploadSize().toBytes();
        try {
            in.mark(ZIP_MAGIC.length);
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            in.reset();
            InputStream csv = Arrays.equals(head, ZIP_MAGIC) ? ZipHourCsv.open(in, properties.archive()) : in;
            return new BoundedInputStream(csv, maxCsv, () -> InputTooLargeException.reference(maxCsv));
        } catch (SocketTimeoutException e) {
            closeQuietly(in);
            throw new SourceUnavailableException(
                    SourceUnavailableException.Reason.TIMED_OUT, "The source stopped sending data (read timeout).");
        } catch (IOException e) {
            closeQuietly(in);
            throw new SourceUnavailableException(
                    SourceUnavailableException.Reason.UNREADABLE, "Reading the source failed: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
    }
}
