/**
 * How a bikecast model meets Tribuo: {@link io.bikecast.model.FeatureExamples} turns common-model's features into
 * Tribuo examples, and {@link io.bikecast.model.ModelArtifacts} is the stored form of a model (Tribuo's protobuf,
 * gzip-compressed, identified by its SHA-256) that training writes and every service that serves or caches a model
 * reads. It is a module of its own so that common-model holds data only and a module that needs no model (ingest)
 * carries no Tribuo.
 */
package io.bikecast.model;
