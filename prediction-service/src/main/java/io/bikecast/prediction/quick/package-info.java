/**
 * The quick GET ({@code GET /api/v1/predict?hr=..&temp=..}, and {@code GET /predict} for the seed service's clients):
 * any of the twelve UCI fields as query parameters, the others filled from the champion's reference medians, checked
 * as a posted UCI request is.
 */
package io.bikecast.prediction.quick;
