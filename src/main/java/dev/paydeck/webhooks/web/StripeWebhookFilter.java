package dev.paydeck.webhooks.web;

import dev.paydeck.shared.web.PayloadTooLargeException;
import dev.paydeck.shared.web.ProblemWriter;
import dev.paydeck.shared.web.Problems;
import dev.paydeck.webhooks.StripeWebhooks;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Stripe sends an organization's events: {@code POST /webhooks/stripe/{organization}}, or
 * {@code /webhooks/stripe} for the default organization of a single-organization set-up. The body is taken as raw
 * bytes, since the signature covers them exactly (re-serialized JSON would no longer match). Answered 200 once the
 * event is stored (or known already); 400 problem+json when it cannot be verified (or, without an id, there is no
 * default organization) — Stripe retries those, which is right for a rotation in progress; 503 when a verified event
 * cannot be stored now (it is then not answered as received, and Stripe retries it); 413, 415 and 405 for a body too
 * large, a body that is not JSON, another method.
 *
 * <p>A servlet filter rather than a controller: this is Paydeck's busiest address (Stripe sends every event of every
 * organization here) and it needs none of what Spring Security and Spring MVC do for the others — no session,
 * login, CSRF or CORS (the signature is the credential), no handler lookup, argument binding or content
 * negotiation. Served here, after the body-size limit and the sandbox-only switch, a request costs about a third
 * less CPU, which is what lets Paydeck accept 1,000 events a second with a low tail latency while it processes
 * them on the same cores (bench/README.md). Any other path under {@code /webhooks/stripe/} goes on down the chain.
 */
final class StripeWebhookFilter extends HttpFilter {

    private static final String PATH = "/webhooks/stripe";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final StripeWebhooks webhooks;
    private final ProblemWriter problems;
    private final JsonMapper json;

    StripeWebhookFilter(StripeWebhooks webhooks, ProblemWriter problems, JsonMapper json) {
        this.webhooks = webhooks;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
        boolean withOrganization = rest.length() > 1 && rest.indexOf('/', 1) < 0;
        if (!rest.isEmpty() && !withOrganization) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context ->
                context.setPathPattern(withOrganization ? PATH + "/{organization}" : PATH));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!webhooks.enabled()) {
            problems.write(response, Problems.forStatus(HttpStatus.NOT_FOUND, null));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            problems.write(response, Problems.forStatus(HttpStatus.METHOD_NOT_ALLOWED, null));
            return;
        }
        if (!isJson(request.getContentType())) {
            problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Stripe events are sent as application/json."));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            problems.write(response, tooLarge.problem());
            return;
        }
        if (body.length == 0) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "webhook-rejected",
                    "The request has no body."));
            return;
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        String signature = request.getHeader("Stripe-Signature");
        StripeWebhooks.Receipt receipt = withOrganization
                ? webhooks.receive(rest.substring(1), payload, signature)
                : webhooks.receiveForDefaultOrganization(payload, signature);
        switch (receipt.outcome()) {
            case STORED -> ok(response, Map.of("received", true, "id", receipt.eventId()));
            case DUPLICATE -> ok(response, Map.of("received", true, "duplicate", true));
            case REJECTED -> problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "webhook-rejected",
                    "The event was not accepted: " + receipt.reason() + "."));
            case UNAVAILABLE -> {
                response.setHeader("Retry-After", "5");
                problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "webhook-unavailable",
                        "The event was verified but " + receipt.reason() + "."));
            }
        }
    }

    private void ok(HttpServletResponse response, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(new LinkedHashMap<>(body));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** {@code application/json}, with or without parameters such as {@code charset}. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(contentType));
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After the body-size limit (HIGHEST_PRECEDENCE + 10) and the sandbox-only switch (+ 20). */
        @Bean
        FilterRegistrationBean<StripeWebhookFilter> stripeWebhookFilter(StripeWebhooks webhooks,
                ProblemWriter problems, JsonMapper json) {
            var registration = new FilterRegistrationBean<>(new StripeWebhookFilter(webhooks, problems, json));
            registration.addUrlPatterns(PATH, PATH + "/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
            return registration;
        }
    }
}
