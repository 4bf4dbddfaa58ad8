/** The models being served now ({@code GET /api/v1/models/active}): the champion, and the challenger with its traffic. */
package io.bikecast.prediction.active;
