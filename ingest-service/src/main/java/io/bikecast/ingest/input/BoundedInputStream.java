package io.bikecast.ingest.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Lets at most a given number of bytes through and fails with a {@link RefusedRead} on the first byte beyond, so that
 * an oversized upload, download or zip entry is refused after reading no more than the limit, whatever its headers
 * claimed.
 */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private long count;

    /**
     * @param tooLarge the refusal a read past the limit ends with, carried by the {@link RefusedRead} it throws
     */
    public BoundedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
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
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws RefusedRead {
        count += n;
        if (count > limit) {
            throw new RefusedRead(tooLarge.get());
        }
    }
}
