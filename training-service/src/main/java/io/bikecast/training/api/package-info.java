/**
 * What every endpoint of the service shares: one page of a listing, and the checks of paging and reason fields,
 * answered as one 400 problem that names each offending field.
 */
package io.bikecast.training.api;
