/**
 * The series dimension: which demand series a forecast, an observation or a model belongs to, and the time zone in
 * which its hours are local. The UCI data is a single system-wide series; per-station series can be added without
 * changing the shape of anything keyed by {@link io.bikecast.common.series.SeriesId}.
 */
package io.bikecast.common.series;
