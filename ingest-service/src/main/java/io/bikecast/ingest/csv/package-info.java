/**
 * The UCI {@code hour.csv} format: reads it as a stream, strict UTF-8, row by row into a batch's validation, and takes
 * it as an upload ({@code POST /api/v1/ingest/csv}, the request body or a multipart file) bounded at {@code
 * bikecast.ingest.max-upload-size}.
 */
package io.bikecast.ingest.csv;
