package io.bikecast.ingest.web;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.source.BoundedInputStream;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemResponses;
import io.bikecast.platform.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of every request body sent to the ingest endpoints at {@code bikecast.ingest.max-upload-size}: a
 * declared {@code Content-Length} above it is refused with 413 before a byte is read, and a body without one is cut
 * off at the limit while it is read. It runs after the API-key filter, so an unauthenticated client learns nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class UploadLimitFilter extends OncePerRequestFilter {

    private static final String GUARDED = "/api/v1/ingest/";

    private final long maxBytes;

    public UploadLimitFilter(IngestProperties properties) {
        this.maxBytes = properties.maxUploadSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(GUARDED) || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Multipart framing adds a little to the file itself.
        long allowed = maxBytes + 64 * 1024;
        if (request.getContentLengthLong() > allowed) {
            ProblemResponses.write(
                    response,
                    new ProblemException(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "The upload is " + request.getContentLengthLong() + " bytes; at most " + maxBytes
                                    + " are accepted (bikecast.ingest.max-upload-size)."),
                    request.getRequestURI());
            return;
        }
        chain.doFilter(new BoundedRequest(request, allowed), response);
    }

    /** A request whose body stops with a 413 problem after the limit. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long allowed;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long allowed) {
            super(request);
            this.allowed = allowed;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream original = super.getInputStream();
                BoundedInputStream bounded =
                        new BoundedInputStream(original, allowed, () -> Problems.uploadTooLarge(allowed));
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return bounded.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return bounded.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return original.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return original.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        original.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
