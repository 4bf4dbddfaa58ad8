package io.bikecast.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body at {@code bikecast.web.max-request-body}: a declared {@code Content-Length} over the
 * limit is answered 413 {@code payload-too-large} before a byte is read; a body without one (chunked) is cut off at the
 * limit while it is read, and {@link ProblemDetailsAdvice} answers the failed read with the same 413. It runs after the
 * API-key filter, so an unauthenticated client learns nothing of the limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /**
     * Set, to the limit in bytes, on a request whose body was cut off, so the failed read is answered 413 rather than
     * as an unreadable body or an unexpected error.
     */
    static final String OVER_LIMIT = RequestBodyLimitFilter.class.getName() + ".overLimit";

    private final long maxBytes;

    public RequestBodyLimitFilter(RequestBodyLimit limit) {
        this.maxBytes = limit.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            ProblemResponses.write(
                    response, tooLarge("The request body is " + declared + " bytes"), request.getRequestURI());
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
    }

    private ProblemException tooLarge(String what) {
        return tooLarge(what, maxBytes);
    }

    static ProblemException tooLarge(String what, long maxBytes) {
        return new ProblemException(
                ProblemType.PAYLOAD_TOO_LARGE,
                what + "; at most " + maxBytes + " bytes are read (bikecast.web.max-request-body).");
    }

    /** A request whose body fails to read past the limit, and marks the request as over it. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long allowed;
        private ServletInputStream stream;

        LimitedBodyRequest(HttpServletRequest request, long allowed) {
            super(request);
            this.allowed = allowed;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Limited(super.getInputStream(), allowed, this);
            }
            return stream;
        }
    }

    private static final class Limited extends ServletInputStream {

        private final ServletInputStream original;
        private final long allowed;
        private final HttpServletRequest request;
        private long count;

        Limited(ServletInputStream original, long allowed, HttpServletRequest request) {
            this.original = original;
            this.allowed = allowed;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = original.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = original.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > allowed) {
                request.setAttribute(OVER_LIMIT, allowed);
                throw new IOException("the request body is over " + allowed + " bytes");
            }
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
    }
}
