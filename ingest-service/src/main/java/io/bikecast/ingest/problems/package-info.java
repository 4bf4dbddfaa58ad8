/**
 * How the service's refusals reach a client: the one advice that answers each feature's domain exceptions with the
 * RFC 9457 problem of its kind ({@code type}, status, detail, {@code errors}), before the platform's advice answers the
 * rest.
 */
package io.bikecast.ingest.problems;
