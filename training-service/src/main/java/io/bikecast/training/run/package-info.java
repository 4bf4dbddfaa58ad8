/**
 * Training runs: the queue of requested runs, the lease that lets one instance at a time work on a model's run, the
 * pipeline that fits, checks and packs a model, its registration, and the API that requests and shows runs.
 */
package io.bikecast.training.run;
