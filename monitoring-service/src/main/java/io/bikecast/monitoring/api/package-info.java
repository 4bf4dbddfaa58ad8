/**
 * What the list endpoints share: one page of a listing, and the check of its paging parameters, answered as one 400
 * problem that names each offending parameter.
 */
package io.bikecast.monitoring.api;
