package io.bikecast.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body a service reads. Without a bound one 300 MB body (a batch, a JSON array) is read whole
 * before anything counts its rows, and can exhaust the heap.
 *
 * @param maxRequestBody the largest body read, declared or not (default 1 MB; the prediction service takes 8 MB for
 *     a batch of 10,000 rows, ingest more for its uploads, which it also bounds itself)
 */
@ConfigurationProperties("bikecast.web")
public record RequestBodyLimit(@DefaultValue("1MB") DataSize maxRequestBody) {}
