package dev.paydeck.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.util.List;

/**
 * Pages on any origin may call the API from the browser, as Stripe's API lets any page running Stripe.js call it
 * ({@code http://localhost:3000} calls the sandbox directly). Without credentials: keys travel in the
 * Authorization header, never in cookies.
 */
final class ApiCors {

    private static final CorsConfiguration CORS = configuration();

    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    /** Whether the request is already answered: a preflight, or refused for its origin, method or headers. */
    boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return !processor.processRequest(CORS, request, response) || CorsUtils.isPreFlightRequest(request);
    }

    private static CorsConfiguration configuration() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Stripe-Version", "Stripe-Account",
                "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Request-Id", "Stripe-Version"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(600L);
        return cors;
    }
}
