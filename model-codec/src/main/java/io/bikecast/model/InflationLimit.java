package io.bikecast.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a decompressing stream through and refuses to deliver more than a limit: the guard against a zip bomb. */
final class InflationLimit extends FilterInputStream {

    private final long limit;
    private long delivered;

    InflationLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long bytes) {
        delivered += bytes;
        if (delivered > limit) {
            throw new IllegalArgumentException("the model artifact inflates to more than " + limit + " bytes");
        }
    }
}
