/**
 * The data contract: what a row must hold to be stored (columns, types, ranges, counts that add up, a calendar that
 * agrees with its date, an hour that exists, one row per series and hour), checked row by row as a batch is read, and
 * the refusals of a batch as a whole.
 */
package io.bikecast.ingest.contract;
