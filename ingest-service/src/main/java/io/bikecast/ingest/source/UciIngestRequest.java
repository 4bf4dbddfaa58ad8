package io.bikecast.ingest.source;

/**
 * A CSV to ingest by reference: exactly one of {@code path} and {@code url}.
 *
 * @param path a file in the data directory ({@code bikecast.ingest.data-directory}), relative to it: a CSV, or a zip
 *     holding {@code hour.csv}
 * @param url an http(s) URL of a CSV, or of a zip holding {@code hour.csv} such as the official UCI archive
 * @param mode {@code lenient} (default) or {@code strict}
 * @param seriesId the series the rows belong to (default {@code system})
 */
record UciIngestRequest(String path, String url, String mode, String seriesId) {}
