/** The service's settings ({@code bikecast.ingest.*}): its limits and the defaults they fall back to. */
package io.bikecast.ingest.config;
