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
import java.util.Properties;
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
 */
public final class ForecasterArtifacts {

    /** The artifact format this class writes. */
    public static final String FORMAT = "bikecast-forecaster+zip";

    static final String MANIFEST = "forecaster.properties";

    /** Artifacts are written by the training service; still, reading one never inflates more than this. */
    static final long MAX_INFLATED_BYTES = 2L << 30;

    private static final int FORMAT_VERSION = 1;

    private ForecasterArtifacts() {}

    public static byte[] write(Forecaster forecaster) {
        Properties manifest = new Properties();
        manifest.setProperty("format-version", Integer.toString(FORMAT_VERSION));
        manifest.setProperty("algorithm", forecaster.algorithm());
        manifest.setProperty("target", forecaster.target().name());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            List<String> leads = new ArrayList<>();
            for (LeadModel model : forecaster.models()) {
                leads.add(Integer.toString(model.lead()));
                manifest.setProperty("lead." + model.lead() + ".interval-low", Double.toString(model.intervalLow()));
                manifest.setProperty("lead." + model.lead() + ".interval-high", Double.toString(model.intervalHigh()));
                zip.putNextEntry(new ZipEntry(entryName(model.lead())));
                model.model().serialize().writeTo(zip);
                zip.closeEntry();
            }
            manifest.setProperty("leads", String.join(",", leads));
            StringWriter text = new StringWriter();
            manifest.store(text, "bikecast forecaster");
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the forecaster artifact", e);
        }
        return bytes.toByteArray();
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
        Map<String, byte[]> entries = entries(artifact);
        byte[] manifestBytes = entries.get(MANIFEST);
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
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("the forecaster artifact has format version " + version
                    + " but this build reads version " + FORMAT_VERSION + ": upgrade the service that reads it");
        }
        List<LeadModel> models = new ArrayList<>();
        for (String leadText : required(manifest, "leads").split(",")) {
            int lead = Integer.parseInt(leadText.trim());
            byte[] proto = entries.get(entryName(lead));
            if (proto == null) {
                throw new IllegalArgumentException(
                        "the forecaster's manifest names lead " + lead + " but the artifact has no " + entryName(lead));
            }
            models.add(new LeadModel(
                    lead,
                    regressionModel(proto),
                    Double.parseDouble(required(manifest, "lead." + lead + ".interval-low")),
                    Double.parseDouble(required(manifest, "lead." + lead + ".interval-high"))));
        }
        return new Forecaster(
                required(manifest, "algorithm"),
                TargetTransform.valueOf(required(manifest, "target").toUpperCase(Locale.ROOT)),
                models);
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

    private static Map<String, byte[]> entries(byte[] artifact) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact));
                InputStream bounded = new InflationLimit(zip, MAX_INFLATED_BYTES)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
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
}
