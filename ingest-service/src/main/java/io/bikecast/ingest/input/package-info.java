/**
 * Reading untrusted input: a stream that lets no more than a limit through, and the ways a read of a body, file or
 * download ends early (too large, unavailable), whichever feature reads it.
 */
package io.bikecast.ingest.input;
