package dev.paydeck.organizations;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.stripe.net.StripeResponseStream;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * How Paydeck's Stripe clients send their requests: over the JDK's {@link HttpURLConnection}, as stripe-java's own
 * default client does, except that the {@code X-Stripe-Client-User-Agent} header is built once. stripe-java builds it
 * for every request and, to do so, reads Gson's version from a resource of its jar: in Paydeck's executable jar that
 * lookup alone was about 4 % of the CPU a payment costs. Retries, telemetry and error handling stay stripe-java's;
 * this class only sends a request and reads its answer. Requests through a proxy, and streamed answers (file
 * downloads), are left to stripe-java's client. Every call is logged ({@link StripeCallLog}) with the organization and
 * the Paydeck record it is about.
 */
final class StripeTransport extends HttpClient {

    private static final String CLIENT_USER_AGENT = buildXStripeClientUserAgentString();

    private final HttpURLConnectionClient stripeJavas = new HttpURLConnectionClient();
    private final OrganizationId organization;
    private final StripeCallLog callLog;

    StripeTransport(OrganizationId organization, StripeCallLog callLog) {
        this.organization = organization;
        this.callLog = callLog;
    }

    /** Sends the request and logs the call (each attempt, when stripe-java retries). */
    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        long started = System.nanoTime();
        StripeResponse response = null;
        try {
            response = send(request);
            return response;
        } finally {
            log(request, response, started);
        }
    }

    private void log(StripeRequest request, StripeResponse response, long started) {
        var subject = StripeCallSubject.current();
        callLog.record(new StripeCallLog.Call(organization, subject == null ? null : subject.type(),
                subject == null ? null : subject.id(), request.method().name(), request.url().getPath(),
                request.options().getIdempotencyKey(),
                response == null ? null : response.headers().firstValue("Request-Id").orElse(null),
                response == null ? null : response.code(),
                (int) ((System.nanoTime() - started) / 1_000_000),
                TransactionSynchronizationManager.isActualTransactionActive(), Instant.now()));
    }

    private StripeResponse send(StripeRequest request) throws ApiConnectionException {
        if (request.options().getConnectionProxy() != null) {
            return stripeJavas.request(request);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) request.url().openConnection();
            connection.setConnectTimeout(request.options().getConnectTimeout());
            connection.setReadTimeout(request.options().getReadTimeout());
            connection.setUseCaches(false);
            request.headers().map().forEach((name, values) -> values.forEach(value ->
                    connection.addRequestProperty(name, value)));
            connection.setRequestProperty("User-Agent", buildUserAgentString(request));
            connection.setRequestProperty("X-Stripe-Client-User-Agent", CLIENT_USER_AGENT);
            connection.setRequestMethod(request.method().name());
            if (request.content() != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", request.content().contentType());
                try (OutputStream body = connection.getOutputStream()) {
                    body.write(request.content().byteArrayContent());
                }
            }
            int status = connection.getResponseCode();
            HttpHeaders headers = HttpHeaders.of(connection.getHeaderFields());
            try (InputStream body = status >= 200 && status < 300 ? connection.getInputStream()
                    : connection.getErrorStream()) {
                return new StripeResponse(status, headers,
                        body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ApiConnectionException("IOException during API request to Stripe (" + request.url().getHost()
                    + "): " + e.getMessage() + " Please check your internet connection and try again.", e);
        }
    }

    @Override
    public StripeResponseStream requestStream(StripeRequest request) throws ApiConnectionException {
        return stripeJavas.requestStream(request);
    }
}
