/**
 * What the model registry hands out besides a model's artifact: the {@link io.bikecast.common.registry.ReferenceSample}
 * a version was trained with, which the training service stores and the prediction and monitoring services receive
 * through its registry API. The registry itself (its tables and their reader) belongs to the training service, and the
 * artifacts' codec to model-codec.
 */
package io.bikecast.common.registry;
