/**
 * A model version made ready to answer: its artifact read, a random forest compiled into flat arrays and checked
 * against Tribuo, and the interval from its trees' spread; or the reason it cannot be served.
 */
package io.bikecast.prediction.model;
