package io.bikecast.ingest.batch;

import io.bikecast.ingest.contract.Violation;
import java.util.List;

/**
 * One page of a batch's rejections, in source order.
 *
 * @param page the 0-based page number
 * @param size the page size asked for
 * @param total how many rejections the batch has in all
 * @param items the rejections on this page
 */
public record RejectionPage(int page, int size, long total, List<Violation> items) {}
