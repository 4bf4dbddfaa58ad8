/**
 * The prediction request in its two forms, UCI fields or a timestamp with real-unit weather, read as one flat JSON
 * object and checked by Bean Validation against the feature schema's ranges (stated in the OpenAPI document too), so
 * that every bad field is named and only a valid request becomes a model input.
 */
package io.bikecast.prediction.request;
