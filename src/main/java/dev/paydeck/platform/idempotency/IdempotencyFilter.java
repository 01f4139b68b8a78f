package dev.paydeck.platform.idempotency;

import dev.paydeck.shared.web.ProblemWriter;
import dev.paydeck.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Paydeck's own {@code Idempotency-Key} on API POSTs: the first request with a key runs and its answer is kept
 * (24 hours) for that caller; the same key with the same request replays the answer with
 * {@code Idempotent-Replayed: true}; with another request it is refused (422); while the first still runs, 409.
 * Answers of 5xx are not kept, so a retry runs again — the services make that safe (a payment retried after a
 * Stripe timeout finds its pending record and repeats the Stripe call with the same Stripe idempotency key).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER).strip();
        if (authentication == null || !authentication.isAuthenticated() || key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.length() > MAX_KEY_LENGTH) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "idempotency-key",
                    "The Idempotency-Key header may have at most " + MAX_KEY_LENGTH + " characters."));
            return;
        }
        String principal = authentication.getName() + "|" + Optional.ofNullable(
                request.getHeader("Paydeck-Organization")).orElse("");
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request.getRequestURI(), body);
        Optional<IdempotencyRecords.Saved> earlier = records.claim(principal, key, hash);
        if (earlier.isPresent()) {
            replay(earlier.get(), hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                records.save(principal, key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                records.release(principal, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** 422: the key came before with another request. */
    public static ProblemDetail keyReused() {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
    }

    /** 409: the first request with the key is still running. */
    public static ProblemDetail keyInUse() {
        return Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-use",
                "A request with this Idempotency-Key is still being processed. Retry in a moment.");
    }

    private void replay(IdempotencyRecords.Saved saved, String hash, HttpServletResponse response) throws IOException {
        if (!saved.requestHash().equals(hash)) {
            problems.write(response, keyReused());
            return;
        }
        if (saved.status() == null) {
            problems.write(response, keyInUse());
            return;
        }
        response.setStatus(saved.status());
        if (saved.contentType() != null) {
            response.setContentType(saved.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(saved.response());
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once (for the hash) and served again to the application. */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream input = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return input.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return input.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return input.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
