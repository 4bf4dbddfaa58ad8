package io.bikecast.monitoring.benchmark;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * UCI hours in the shapes the benchmark's parts feed the service (samples, feature columns, reference samples), and
 * the timing of batched writes.
 */
public final class BenchmarkRows {

    private BenchmarkRows() {}

    /** {@code size} rows drawn with replacement. */
    public static List<HourRow> sample(List<HourRow> rows, int size, Random random) {
        List<HourRow> sample = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sample.add(rows.get(random.nextInt(rows.size())));
        }
        return sample;
    }

    /** Hands the items to the store in JDBC-sized batches of 500; returns the seconds it took. */
    public static <T> double inBatches(List<T> items, Consumer<List<T>> store) {
        long start = System.nanoTime();
        for (int i = 0; i < items.size(); i += 500) {
            store.accept(items.subList(i, Math.min(items.size(), i + 500)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A reference sample of the rows, their counts standing in for the model's predictions; without hours. */
    public static ReferenceSample reference(List<HourRow> rows) {
        return new ReferenceSample(
                columns(rows), rows.stream().mapToDouble(HourRow::cnt).toArray());
    }

    /** The rows' values per UCI feature column. */
    public static Map<String, double[]> columns(List<HourRow> rows) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        String[] names = FeatureSchema.featureNames();
        for (int f = 0; f < names.length; f++) {
            int feature = f;
            columns.put(
                    names[f],
                    rows.stream()
                            .mapToDouble(r -> r.features().toVector()[feature])
                            .toArray());
        }
        return columns;
    }
}
