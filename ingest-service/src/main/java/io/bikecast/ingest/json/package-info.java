/**
 * Batches of observations pushed as JSON ({@code POST /api/v1/ingest/observations}) by systems that produce them,
 * checked by the same data contract as a CSV, field by field.
 */
package io.bikecast.ingest.json;
