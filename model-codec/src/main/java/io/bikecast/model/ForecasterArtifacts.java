package io.bikecast.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * The stored form of a {@link Forecaster}: a zip of a manifest ({@value #MANIFEST}: algorithm, target, and per lead its
 * interval) and one Tribuo protobuf per lead ({@code lead-<n>.tribuo}). An artifact written by {@link ModelArtifacts}
 * before forecasters existed (a gzip-compressed single forest) still reads, as a forecaster whose only model has no
 * history features and takes its interval from the trees' spread.
 *
 * <p>Format version 2 (a forecaster of random forests) adds each lead's trees as a {@link CompactForest} ({@code
 * lead-<n>.forest}) and writes the manifest and those entries first, so that {@link #readCompact} serves a forest
 * without inflating or parsing the protobufs behind them (the default forest's is 200 MB and takes 12 s to parse). The
 * protobufs stay in the artifact: they are the model's provenance (trainer settings, seeds, data), what the training
 * service reloads a champion from, and what {@link #read} returns to every other reader. Boosted forecasters are
 * written as version 1, unchanged. Version 1 artifacts read as before.
 */
public final class ForecasterArtifacts {

    /** The artifact format this class writes. */
    public static final String FORMAT = "bikecast-forecaster+zip";

    static final String MANIFEST = "forecaster.properties";

    /** Artifacts are written by the training service; still, reading one never inflates more than this. */
    static final long MAX_INFLATED_BYTES = 2L << 30;

    /** The version of a forecaster without compact forests (boosting): what every reader of version 1 reads. */
    private static final int FORMAT_VERSION = 1;

    /** The version of a forecaster with a compact forest per lead, written before the protobufs. */
    private static final int COMPACT_FORMAT_VERSION = 2;

    private ForecasterArtifacts() {}

    public static byte[] write(Forecaster forecaster) {
        List<byte[]> compact = new ArrayList<>();
        for (LeadModel model : forecaster.models()) {
            CompactForest.of(model.model()).ifPresent(forest -> compact.add(forest.encode()));
        }
        boolean withCompact = compact.size() == forecaster.models().size();
        Properties manifest = new Properties();
        manifest.setProperty("format-version", Integer.toString(withCompact ? COMPACT_FORMAT_VERSION : FORMAT_VERSION));
        manifest.setProperty("algorithm", forecaster.algorithm());
        manifest.setProperty("target", forecaster.target().name());
        List<String> leads = new ArrayList<>();
        for (LeadModel model : forecaster.models()) {
            leads.add(Integer.toString(model.lead()));
            manifest.setProperty("lead." + model.lead() + ".interval-low", Double.toString(model.intervalLow()));
            manifest.setProperty("lead." + model.lead() + ".interval-high", Double.toString(model.intervalHigh()));
        }
        manifest.setProperty("leads", String.join(",", leads));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (withCompact) {
                putManifest(zip, manifest);
                for (int i = 0; i < compact.size(); i++) {
                    zip.putNextEntry(new ZipEntry(
                            compactEntryName(forecaster.models().get(i).lead())));
                    zip.write(compact.get(i));
                    zip.closeEntry();
                }
            }
            for (LeadModel model : forecaster.models()) {
                zip.putNextEntry(new ZipEntry(entryName(model.lead())));
                model.model().serialize().writeTo(zip);
                zip.closeEntry();
            }
            if (!withCompact) {
                putManifest(zip, manifest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the forecaster artifact", e);
        }
        return bytes.toByteArray();
    }

    private static void putManifest(ZipOutputStream zip, Properties manifest) throws IOException {
        StringWriter text = new StringWriter();
        manifest.store(text, "bikecast forecaster");
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * Reads an artifact written by {@link #write}, or by {@link ModelArtifacts#write} before forecasters existed.
     *
     * @throws IllegalArgumentException if the bytes are neither, or the manifest and the models disagree
     * @throws UncheckedIOException if the bytes cannot be read
     */
    public static Forecaster read(byte[] artifact) {
        if (isGzip(artifact)) {
            return Forecaster.withoutHistory(
                    "random-forest", new LeadModel(0, ModelArtifacts.read(artifact), Double.NaN, Double.NaN));
        }
        Map<String, byte[]> entries = entries(artifact, name -> false);
        Properties manifest = manifest(entries.get(MANIFEST));
        List<LeadModel> models = new ArrayList<>();
        for (int lead : leads(manifest)) {
            byte[] proto = entries.get(entryName(lead));
            if (proto == null) {
                throw new IllegalArgumentException(
                        "the forecaster's manifest names lead " + lead + " but the artifact has no " + entryName(lead));
            }
            models.add(new LeadModel(
                    lead, regressionModel(proto), interval(manifest, lead, "low"), interval(manifest, lead, "high")));
        }
        return new Forecaster(algorithm(manifest), target(manifest), models);
    }

    /**
     * The artifact's forests in compact form, read without inflating its Tribuo protobufs; empty when it has none (a
     * version 1 artifact, a boosted forecaster, a legacy single forest), which is then read with {@link #read}.
     *
     * @throws IllegalArgumentException if a compact entry is missing, corrupt, or does not reproduce the Tribuo
     *     predictions stored in it (see {@link CompactForest#decode})
     * @throws UncheckedIOException if the bytes cannot be read
     */
    public static Optional<CompactForecaster> readCompact(byte[] artifact) {
        if (isGzip(artifact)) {
            return Optional.empty();
        }
        // Version 2 writes the manifest first and the compact entries next: stop at the first protobuf, or at once
        // when the first entry is not the manifest (version 1 writes it last).
        Map<String, byte[]> entries = entries(
                artifact, name -> name.endsWith(".tribuo") || !name.equals(MANIFEST) && !name.endsWith(".forest"));
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            return Optional.empty();
        }
        Properties manifest = manifest(manifestBytes);
        if (Integer.parseInt(required(manifest, "format-version")) != COMPACT_FORMAT_VERSION) {
            return Optional.empty();
        }
        List<CompactForecaster.Lead> leads = new ArrayList<>();
        for (int lead : leads(manifest)) {
            byte[] compact = entries.get(compactEntryName(lead));
            if (compact == null) {
                throw new IllegalArgumentException("the forecaster's manifest names lead " + lead
                        + " but the artifact has no " + compactEntryName(lead) + " before its protobufs");
            }
            CompactForest forest;
            try {
                forest = CompactForest.decode(compact);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(compactEntryName(lead) + ": " + e.getMessage(), e);
            }
            leads.add(new CompactForecaster.Lead(
                    lead, forest, interval(manifest, lead, "low"), interval(manifest, lead, "high")));
        }
        return Optional.of(new CompactForecaster(algorithm(manifest), target(manifest), leads));
    }

    private static Properties manifest(byte[] manifestBytes) {
        if (manifestBytes == null) {
            throw new IllegalArgumentException("the artifact is neither a bikecast forecaster (no " + MANIFEST
                    + ") nor a single gzip-compressed Tribuo model");
        }
        Properties manifest = new Properties();
        try {
            manifest.load(new StringReader(new String(manifestBytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the forecaster's manifest", e);
        }
        int version = Integer.parseInt(required(manifest, "format-version"));
        if (version != FORMAT_VERSION && version != COMPACT_FORMAT_VERSION) {
            throw new IllegalArgumentException("the forecaster artifact has format version " + version
                    + " but this build reads versions " + FORMAT_VERSION + " and " + COMPACT_FORMAT_VERSION
                    + ": upgrade the service that reads it");
        }
        return manifest;
    }

    private static List<Integer> leads(Properties manifest) {
        List<Integer> leads = new ArrayList<>();
        for (String leadText : required(manifest, "leads").split(",")) {
            leads.add(Integer.parseInt(leadText.trim()));
        }
        return leads;
    }

    private static double interval(Properties manifest, int lead, String side) {
        return Double.parseDouble(required(manifest, "lead." + lead + ".interval-" + side));
    }

    private static String algorithm(Properties manifest) {
        return required(manifest, "algorithm");
    }

    private static TargetTransform target(Properties manifest) {
        return TargetTransform.valueOf(required(manifest, "target").toUpperCase(Locale.ROOT));
    }

    private static Model<Regressor> regressionModel(byte[] proto) {
        try {
            Model<?> model = Model.deserialize(ModelProto.parseFrom(proto));
            if (!model.validate(Regressor.class)) {
                throw new IllegalArgumentException("the forecaster holds a "
                        + model.getClass().getSimpleName() + " that does not predict a Regressor");
            }
            return model.castModel(Regressor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a model of the forecaster", e);
        }
    }

    /** The entries in zip order, up to (not including) the first whose name {@code stopAt} accepts. */
    private static Map<String, byte[]> entries(byte[] artifact, Predicate<String> stopAt) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact));
                InputStream bounded = new InflationLimit(zip, MAX_INFLATED_BYTES)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (stopAt.test(entry.getName())) {
                    break;
                }
                entries.put(entry.getName(), bounded.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the forecaster artifact", e);
        }
        return entries;
    }

    private static String required(Properties manifest, String key) {
        String value = manifest.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("the forecaster's manifest lacks '" + key + "'");
        }
        return value;
    }

    private static boolean isGzip(byte[] artifact) {
        return artifact.length >= 2 && (artifact[0] & 0xff) == 0x1f && (artifact[1] & 0xff) == 0x8b;
    }

    private static String entryName(int lead) {
        return "lead-" + lead + ".tribuo";
    }

    private static String compactEntryName(int lead) {
        return "lead-" + lead + ".forest";
    }
}
