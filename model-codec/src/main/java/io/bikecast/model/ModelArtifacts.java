package io.bikecast.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * The stored form of a model: Tribuo's protobuf, gzip-compressed (a forest's protobuf is mostly repeated node
 * structure and shrinks about tenfold), identified by the SHA-256 of the stored bytes.
 */
public final class ModelArtifacts {

    /** The artifact format this class writes and reads. */
    public static final String FORMAT = "tribuo-protobuf+gzip";

    private ModelArtifacts() {}

    public static byte[] write(Model<Regressor> model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            model.serialize().writeTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model artifact", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an artifact written by {@link #write}; refuses one that does not hold a regression model, or that inflates
     * to more than {@link ForecasterArtifacts#MAX_INFLATED_BYTES} (a checksum that matches says who wrote the bytes,
     * not that they are sane).
     */
    public static Model<Regressor> read(byte[] artifact) {
        return read(artifact, ForecasterArtifacts.MAX_INFLATED_BYTES);
    }

    static Model<Regressor> read(byte[] artifact, long maxInflatedBytes) {
        try (InputStream in = new InflationLimit(
                new GZIPInputStream(new ByteArrayInputStream(artifact), 1 << 16), maxInflatedBytes)) {
            Model<?> model = Model.deserialize(ModelProto.parseFrom(in));
            if (!model.validate(Regressor.class)) {
                throw new IllegalArgumentException("the artifact holds a "
                        + model.getClass().getSimpleName() + " that does not predict a Regressor");
            }
            return model.castModel(Regressor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the model artifact", e);
        }
    }

    public static String sha256(byte[] artifact) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
