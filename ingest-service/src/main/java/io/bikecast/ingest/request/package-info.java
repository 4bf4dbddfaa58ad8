/**
 * Checks of request parameters shared by every endpoint (series ids, pages, local date-times, the ingest mode), each
 * answering a bad value with a 400 problem that names the parameter.
 */
package io.bikecast.ingest.request;
