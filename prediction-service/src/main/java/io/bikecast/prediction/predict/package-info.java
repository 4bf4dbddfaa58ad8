/**
 * One prediction over HTTP ({@code POST /api/v1/predict}, and {@code POST /predict} for the seed service's clients),
 * and what every prediction endpoint shares: the answer's JSON, the one model snapshot a request is answered from, its
 * timing, and its problems.
 */
package io.bikecast.prediction.predict;
