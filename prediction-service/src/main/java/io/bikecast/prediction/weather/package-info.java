/**
 * The weather forecasts a forecast of coming hours can be made from when a client does not send them. None is stored
 * yet: they arrive with the live weather feeds, and until then a forecast needs its weather in the request.
 */
package io.bikecast.prediction.weather;
