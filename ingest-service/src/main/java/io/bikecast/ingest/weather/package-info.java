/**
 * Hourly weather for the places whose demand bikecast forecasts: polled from Open-Meteo's forecast API (no key
 * needed), each poll's forecast kept under the time it was issued so that a backtest reads only what was known then,
 * and the hours already past kept as observed. History before the first poll comes from Open-Meteo's archive.
 */
package io.bikecast.ingest.weather;
