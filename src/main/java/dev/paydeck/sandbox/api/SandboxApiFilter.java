package dev.paydeck.sandbox.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Stripe HTTP API under {@code /sandbox/v1}: authenticates the key, decodes the form, validates parameters
 * against the route's {@link ParamSpec}, applies idempotency and the rate limit, runs the endpoint in one
 * transaction, expands, and answers with Stripe's JSON, status codes and headers ({@code Request-Id},
 * {@code Idempotent-Replayed}). Pages on any origin may call it from the browser, as Stripe's API lets any page
 * running Stripe.js call it (CORS, without credentials: keys travel in the Authorization header).
 *
 * <p>A servlet filter rather than a controller: like Stripe, the sandbox routes its API itself (a catch-all
 * controller got nothing from Spring MVC but a handler lookup over every mapping, twice with CORS) and authenticates
 * with its own keys, so Spring Security's chain has nothing to do either. It runs after the request context is set
 * (hosted-page URLs are built from the current request) and before security; a payment through Paydeck makes one
 * request here.
 */
final class SandboxApiFilter extends HttpFilter {

    /** Stripe.js on a shop's page at another origin ({@code http://localhost:3000}) calls the API directly. */
    private static final CorsConfiguration CORS = cors();

    private static final Logger log = LoggerFactory.getLogger(SandboxApiFilter.class);
    private static final ParamSpec EXPAND = ParamSpec.of().stringList("expand");

    private final StripeRoutes routes = new StripeRoutes();
    private final SandboxAccounts accounts;
    private final Idempotency idempotency;
    private final RequestLog requestLog;
    private final RateLimiter rateLimiter;
    private final Expander expander;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final DefaultCorsProcessor corsProcessor = new DefaultCorsProcessor();

    SandboxApiFilter(List<StripeResource> resources, SandboxAccounts accounts, Idempotency idempotency,
            RequestLog requestLog, RateLimiter rateLimiter, Expander expander, TransactionTemplate transactions,
            JsonMapper json) {
        resources.forEach(resource -> resource.register(routes));
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.requestLog = requestLog;
        this.rateLimiter = rateLimiter;
        this.expander = expander;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern("/sandbox/v1/**"));
        if (!corsProcessor.processRequest(CORS, request, response) || CorsUtils.isPreFlightRequest(request)) {
            return;
        }
        String requestId = "req_" + Ids.random(14);
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/sandbox".length());
        String idempotencyKey = "POST".equals(method) ? request.getHeader("Idempotency-Key") : null;
        SandboxAccount account = null;
        Reply reply;
        try {
            account = authenticate(request);
            rateLimiter.acquire(account.id());
            reply = dispatch(request, method, path, account, requestId, idempotencyKey);
        } catch (StripeError error) {
            reply = Reply.error(error, json);
        } catch (RuntimeException unexpected) {
            log.error("Sandbox request {} {} failed ({})", method, path, requestId, unexpected);
            reply = Reply.error(StripeError.builder(500).type("api_error")
                    .message("An unexpected error occurred in the sandbox (request " + requestId + ").").build(), json);
        }
        try {
            requestLog.record(account == null ? null : account.id(), requestId, method, path, reply.status(),
                    idempotencyKey);
        } catch (RuntimeException e) {
            log.warn("Could not record sandbox request {}: {}", requestId, e.getMessage());
        }
        response.setStatus(reply.status());
        response.setHeader("Request-Id", reply.replayedRequestId() != null ? reply.replayedRequestId() : requestId);
        response.setHeader("Stripe-Version", Optional.ofNullable(request.getHeader("Stripe-Version"))
                .orElse(StripeCall.DEFAULT_API_VERSION));
        if (idempotencyKey != null) {
            response.setHeader("Idempotency-Key", idempotencyKey);
        }
        if (reply.replayed()) {
            response.setHeader("Idempotent-Replayed", "true");
            response.setHeader("Original-Request", reply.replayedRequestId());
        }
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Reply dispatch(HttpServletRequest request, String method, String path, SandboxAccount account,
            String requestId, String idempotencyKey) {
        StripeRoutes.Match match = routes.find(method, path).orElseThrow(() -> StripeError.builder(404)
                .message("Unrecognized request URL (" + method + ": " + path + "). Please see "
                        + "https://stripe.com/docs or we can help at https://support.stripe.com/.")
                .build());
        boolean publishable = isPublishable(request);
        if (publishable && !match.route().publishable()) {
            throw StripeError.builder(403)
                    .message("This API call cannot be made with a publishable API key. Please use a secret API key. "
                            + "You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.")
                    .build();
        }
        Map<String, Object> raw = parameters(request);
        Object expandRaw = raw.remove("expand");
        List<String> expand = expandRaw == null ? List.of() : expandPaths(expandRaw);
        Map<String, Object> params = match.route().params().validate(raw);
        StripeCall call = new StripeCall(account, params, match.variables(), requestId, idempotencyKey, publishable,
                Optional.ofNullable(request.getHeader("Stripe-Version")).orElse(StripeCall.DEFAULT_API_VERSION));

        if ("unavailable".equals(account.fault())) {
            throw simulatedOutage(requestId);
        }
        if (idempotencyKey != null) {
            String hash = hash(method, path, raw, expand);
            Optional<Idempotency.Saved> earlier = idempotency.claim(account.id(), idempotencyKey, hash, requestId);
            if (earlier.isPresent()) {
                Idempotency.Saved saved = earlier.get();
                if (!saved.requestHash().equals(hash)) {
                    throw Idempotency.mismatch(idempotencyKey);
                }
                if (saved.status() == null) {
                    throw Idempotency.inProgress(idempotencyKey);
                }
                return new Reply(saved.status(), saved.response(), true, saved.requestId());
            }
        }
        Reply reply = transactions.execute(status -> {
            Reply result;
            try {
                JsonNode body = render(match.route().handler().handle(call));
                expander.expand(account.id(), body, expand);
                result = new Reply(200, json.writeValueAsString(stripInternal(body)), false, null);
            } catch (StripeError error) {
                if (error.status() != 402) {
                    // Only card errors leave state behind (the failed charge, last_payment_error).
                    status.setRollbackOnly();
                    return Reply.error(error, json);
                }
                result = Reply.error(error, json);
            }
            if (idempotencyKey != null) {
                idempotency.save(account.id(), idempotencyKey, result.status(), result.body());
            }
            return result;
        });
        if (idempotencyKey != null && reply.status() != 200 && reply.status() != 402) {
            idempotency.release(account.id(), idempotencyKey);
        }
        if ("lose_response".equals(account.fault())) {
            // The request ran and its idempotent result is kept; only the answer is "lost".
            return Reply.error(simulatedOutage(requestId), json);
        }
        return reply;
    }

    /** What Stripe answers when it has a problem of its own; here on purpose, for an account set to fail. */
    private static StripeError simulatedOutage(String requestId) {
        return StripeError.builder(500).type("api_error")
                .message("An unknown error occurred (simulated by this sandbox account's fault setting; request "
                        + requestId + ").")
                .build();
    }

    private SandboxAccount authenticate(HttpServletRequest request) {
        String key = apiKey(request);
        if (key == null || key.isBlank()) {
            throw StripeError.builder(401)
                    .message("You did not provide an API key. You need to provide your API key in the Authorization "
                            + "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
                            + "https://stripe.com/docs/api#authentication for details, or we can help at "
                            + "https://support.stripe.com/.")
                    .build();
        }
        return accounts.byKey(key).orElseThrow(() -> StripeError.builder(401)
                .message("Invalid API Key provided: " + obscure(key)).build());
    }

    private static boolean isPublishable(HttpServletRequest request) {
        String key = apiKey(request);
        return key != null && key.startsWith("pk_");
    }

    static String apiKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    static String obscure(String key) {
        if (key.length() <= 12) {
            return "*".repeat(key.length());
        }
        int prefix = Math.min(8, key.indexOf('_', 3) + 1);
        return key.substring(0, Math.max(prefix, 0)) + "*".repeat(key.length() - prefix - 4)
                + key.substring(key.length() - 4);
    }

    private static Map<String, Object> parameters(HttpServletRequest request) {
        StringBuilder form = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                if (!form.isEmpty()) {
                    form.append('&');
                }
                form.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return FormDecoder.decode(form.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> expandPaths(Object raw) {
        Map<String, Object> params = EXPAND.validate(Map.of("expand", raw));
        return new ArrayList<>((List<String>) (List<?>) params.get("expand"));
    }

    private JsonNode render(Object result) {
        if (result instanceof StripeList list) {
            ObjectNode node = json.createObjectNode();
            node.put("object", "list");
            node.set("data", json.valueToTree(list.data()));
            node.put("has_more", list.hasMore());
            node.put("url", list.url());
            return node;
        }
        if (result instanceof JsonNode node) {
            return node.deepCopy();
        }
        return json.valueToTree(result);
    }

    /** Removes the internal fields ({@code _...}) the sandbox keeps beside Stripe's. */
    static JsonNode stripInternal(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> internal = new ArrayList<>();
            object.propertyNames().forEach(name -> {
                if (name.startsWith("_")) {
                    internal.add(name);
                }
            });
            object.remove(internal);
            object.forEach(SandboxApiFilter::stripInternal);
        } else if (node != null && node.isArray()) {
            node.forEach(SandboxApiFilter::stripInternal);
        }
        return node;
    }

    private String hash(String method, String path, Map<String, Object> raw, List<String> expand) {
        Map<String, Object> canonical = new TreeMap<>(sorted(raw));
        canonical.put("__expand", expand);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + " ").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> result = new TreeMap<>();
        map.forEach((key, value) -> result.put(key, value instanceof Map<?, ?> nested
                ? sorted((Map<String, Object>) nested) : value));
        return result;
    }

    private static CorsConfiguration cors() {
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

    /**
     * After Spring's request context filter (order -105: the hosted pages' URLs are built from the current request)
     * and before Spring Security's chain (-100).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
    static class Registration {

        @Bean
        FilterRegistrationBean<SandboxApiFilter> sandboxApiFilter(List<StripeResource> resources,
                SandboxAccounts accounts, Idempotency idempotency, RequestLog requestLog, RateLimiter rateLimiter,
                Expander expander, TransactionTemplate transactions, JsonMapper json) {
            var registration = new FilterRegistrationBean<>(new SandboxApiFilter(resources, accounts, idempotency,
                    requestLog, rateLimiter, expander, transactions, json));
            registration.addUrlPatterns("/sandbox/v1/*");
            registration.setOrder(-104);
            return registration;
        }
    }

    record Reply(int status, String body, boolean replayed, String replayedRequestId) {

        static Reply error(StripeError error, JsonMapper json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error.body());
            return new Reply(error.status(), json.writeValueAsString(body), false, null);
        }
    }
}
