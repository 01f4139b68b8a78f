package dev.paydeck.sandbox.api;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one API request: its status and Stripe's JSON. A replayed answer (same idempotency key, same
 * parameters) names the request that first made it.
 */
record Reply(int status, String body, boolean replayed, String replayedRequestId) {

    static Reply ok(String body) {
        return new Reply(200, body, false, null);
    }

    static Reply replayed(int status, String body, String originalRequestId) {
        return new Reply(status, body, true, originalRequestId);
    }

    /** Writes the answer with Stripe's headers: the request id, the API version, the idempotency key. */
    void writeTo(HttpServletResponse response, String requestId, String apiVersion, String idempotencyKey)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Request-Id", replayedRequestId != null ? replayedRequestId : requestId);
        response.setHeader("Stripe-Version", apiVersion);
        if (idempotencyKey != null) {
            response.setHeader("Idempotency-Key", idempotencyKey);
        }
        if (replayed) {
            response.setHeader("Idempotent-Replayed", "true");
            response.setHeader("Original-Request", replayedRequestId);
        }
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
