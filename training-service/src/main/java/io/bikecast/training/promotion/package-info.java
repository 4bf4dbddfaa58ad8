/**
 * The promotion gate: what a newly trained version becomes (champion, challenger or rejected), judged against the
 * champion only on the hours neither learned from.
 */
package io.bikecast.training.promotion;
