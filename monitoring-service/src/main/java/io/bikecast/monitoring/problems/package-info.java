/**
 * The one place where the features' domain exceptions become RFC 9457 problems, with the platform's types.
 */
package io.bikecast.monitoring.problems;
