package io.bikecast.prediction.model;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.model.CompiledBoostedTrees;
import io.bikecast.model.FeatureExamples;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.prediction.benchmark.BenchmarkBoosting;
import io.bikecast.prediction.benchmark.BenchmarkForest;
import io.bikecast.prediction.support.FakeIngest;
import io.bikecast.testsupport.UciDataset;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * One prediction of the champion, as a request makes it: features to vector, the forest's prediction and its
 * 10th/90th-percentile interval. {@code served} is the service's path (the compiled forest); {@code tribuoWithInterval}
 * is the same answer through Tribuo's objects (the fallback path), {@code tribuoMeanOnly} Tribuo's plain prediction.
 * {@code boostedWithHistory} is a forecaster's next-hour prediction as the service makes it ({@link BenchmarkBoosting}:
 * 500 boosted trees on log1p): the seven history features read from the recent demand as of the issue time, the
 * vector, the compiled trees, the count and its calibrated interval; {@code tribuoBoostedWithHistory} the same model
 * through Tribuo's XGBoost.
 *
 * <p>In the package of the forest's compiled form, which is internal to it. Run: {@code ./mvnw -pl prediction-service test-compile exec:java
 * -Dexec.mainClass=io.bikecast.prediction.model.SinglePredictionBenchmark} (add {@code -Dbench.trees=..
 * -Dbench.depth=..} for another forest, {@code -Dexec.args=served} for one benchmark only).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class SinglePredictionBenchmark {

    private static final int ROWS = 1024;

    private CompiledForest compiled;
    private TribuoPredictor tribuo;
    private Model<Regressor> model;
    private UciFeatures[] inputs;
    private LocalDateTime[] hours;
    private ServedLead boosted;
    private TribuoPredictor tribuoBoosted;
    private DemandHistory actuals;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        model = BenchmarkForest.load();
        compiled = CompiledForest.compile(model).orElseThrow();
        tribuo = new TribuoPredictor(model);
        List<UciDataset.HourRow> rows = UciDataset.hours();
        inputs = new UciFeatures[ROWS];
        hours = new LocalDateTime[ROWS];
        for (int i = 0; i < ROWS; i++) {
            UciDataset.HourRow row = rows.get((i * 7919) % rows.size());
            inputs[i] = row.features();
            hours[i] = FakeIngest.hourOf(row);
        }
        Model<Regressor> boostedModel = BenchmarkBoosting.load();
        // Offsets as calibration gives them: the interval costs the same whatever their values.
        boosted = new ServedLead(
                new LeadModel(BenchmarkBoosting.LEAD, boostedModel, -0.3, 0.3),
                new CompiledBoosting(CompiledBoostedTrees.compile(boostedModel, ServingVector.NAMES)
                        .orElseThrow()),
                TargetTransform.LOG1P);
        tribuoBoosted = new TribuoPredictor(boostedModel);
        actuals = BenchmarkBoosting.actuals();
    }

    private UciFeatures nextInput() {
        next = (next + 1) & (ROWS - 1);
        return inputs[next];
    }

    @Benchmark
    public ModelOutput served() {
        return compiled.predict(ServingVector.withoutHistory(nextInput()));
    }

    @Benchmark
    public ModelOutput tribuoWithInterval() {
        return tribuo.predict(ServingVector.withoutHistory(nextInput()));
    }

    @Benchmark
    public ModelOutput boostedWithHistory() {
        next = (next + 1) & (ROWS - 1);
        LocalDateTime target = hours[next];
        LocalDateTime issuedAt = target.minusHours(BenchmarkBoosting.LEAD);
        DemandHistory asOf = hour -> hour.isAfter(issuedAt) ? OptionalDouble.empty() : actuals.demandAt(hour);
        double[] history = HistoryFeatures.vector(target, BenchmarkBoosting.LEAD, asOf);
        return boosted.predict(ServingVector.of(inputs[next], history));
    }

    @Benchmark
    public ModelOutput tribuoBoostedWithHistory() {
        next = (next + 1) & (ROWS - 1);
        LocalDateTime target = hours[next];
        double[] history = HistoryFeatures.vector(target, BenchmarkBoosting.LEAD, actuals);
        return tribuoBoosted.predict(ServingVector.of(inputs[next], history));
    }

    @Benchmark
    public Object tribuoMeanOnly() {
        return model.predict(FeatureExamples.unlabelledExample(nextInput()));
    }

    public static void main(String[] args) throws Exception {
        exposeClassPathToForks();
        BenchmarkForest.load();
        BenchmarkBoosting.load();
        System.out.println("Boosting: " + BenchmarkBoosting.describe());
        System.out.println("Forest: " + BenchmarkForest.describe() + ", "
                + CompiledForest.compile(BenchmarkForest.load()).orElseThrow().nodes() + " nodes");
        new Runner(new OptionsBuilder()
                        .include(SinglePredictionBenchmark.class.getName() + (args.length > 0 ? "." + args[0] : ""))
                        .jvmArgsAppend(
                                "-Dbench.trees=" + BenchmarkForest.TREES,
                                "-Dbench.depth=" + BenchmarkForest.DEPTH,
                                "-Dbench.rounds=" + BenchmarkBoosting.ROUNDS,
                                "-Dbench.dir=" + System.getProperty("bench.dir", "target/benchmark-model"),
                                "-Dbikecast.uci.dir=" + System.getProperty("bikecast.uci.dir", "."))
                        .build())
                .run();
        System.out.println("Forest: " + BenchmarkForest.describe());
        System.out.println("Rerun: ./mvnw -pl prediction-service test-compile exec:java "
                + "-Dexec.mainClass=" + SinglePredictionBenchmark.class.getName()
                + " [-Dbench.trees=100 -Dbench.depth=14]");
    }

    /** Under exec:java the classes come from a class loader, not java.class.path, which is what JMH forks with. */
    static void exposeClassPathToForks() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            String classPath = Stream.of(loader.getURLs())
                    .map(URL::getFile)
                    .map(File::new)
                    .map(File::getAbsolutePath)
                    .collect(Collectors.joining(File.pathSeparator));
            System.setProperty("java.class.path", classPath);
        }
    }
}
