package dev.paydeck.sandbox.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Sends one signed event to one endpoint the way Stripe does: a JSON POST with Stripe's {@code User-Agent} and
 * {@code Stripe-Signature}, no redirects followed, within the timeout. Any 2xx is a success.
 */
final class WebhookSender {

    static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

    /** What came back: a status code, or an error when no response arrived in time. */
    record Outcome(Integer statusCode, String error, long durationMs) {

        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(Duration timeout, Executor executor) {
        this.timeout = timeout;
        // HTTP/1.1, as Stripe's own deliveries: with the client's default (HTTP/2), every request over plain HTTP
        // carries an h2c upgrade offer (three more headers for the endpoint to parse and ignore).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    Outcome send(String url, String secret, long timestamp, String payload) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("Stripe-Signature", WebhookSignature.header(secret, timestamp, payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "Timed out after " + timeout.toMillis() + " ms", elapsed(started));
        } catch (IOException e) {
            return new Outcome(null, describe(e), elapsed(started));
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "Invalid URL", elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted (the instance is stopping)", elapsed(started));
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.net.ConnectException ? "Connection failed" : "Request failed";
        String message = e.getMessage();
        return message == null || message.isBlank() ? kind + " (" + e.getClass().getSimpleName() + ")"
                : kind + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
