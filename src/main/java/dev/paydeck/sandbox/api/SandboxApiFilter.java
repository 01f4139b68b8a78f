package dev.paydeck.sandbox.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Stripe HTTP API under {@code /sandbox/v1} (and at {@code /v1} on the API port, {@link ApiPort}), as a
 * pipeline of steps, each in a class of its own: CORS, the key ({@link KeyAuthentication}), the account's rate
 * limit ({@link RateLimiter}), the route ({@link Routing}), the form ({@link RequestForm}) and its {@code expand}
 * ({@link Expander#paths}), the route's parameters ({@link ParamSpec}), a simulated outage
 * ({@link SimulatedFaults}), the idempotency key ({@link Idempotency}), the endpoint in one transaction with its
 * expansions and rendering ({@link ApiTransaction}), and the answer with Stripe's headers ({@link Reply}). Any step
 * may refuse the request with a {@link StripeError}; the answer is then Stripe's error JSON.
 *
 * <p>A servlet filter rather than a controller: like Stripe, the sandbox routes its API itself (a catch-all
 * controller got nothing from Spring MVC but a handler lookup over every mapping, twice with CORS) and authenticates
 * with its own keys, so Spring Security's chain has nothing to do either. It runs after the request context is set
 * (hosted-page URLs are built from the current request) and before security; a payment through Paydeck makes one
 * request here.
 */
final class SandboxApiFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(SandboxApiFilter.class);

    private final ApiCors cors = new ApiCors();
    private final KeyAuthentication authentication;
    private final RateLimiter rateLimiter;
    private final Routing routing;
    private final Idempotency idempotency;
    private final ApiTransaction transaction;
    private final StripeJson stripeJson;
    private final RequestLog requestLog;
    private final JsonMapper json;

    SandboxApiFilter(List<StripeResource> resources, SandboxAccounts accounts, Idempotency idempotency,
            RequestLog requestLog, RateLimiter rateLimiter, Expander expander, TransactionTemplate transactions,
            JsonMapper json) {
        this.authentication = new KeyAuthentication(accounts);
        this.rateLimiter = rateLimiter;
        this.routing = new Routing(resources);
        this.idempotency = idempotency;
        this.stripeJson = new StripeJson(json);
        this.transaction = new ApiTransaction(transactions, expander, idempotency, stripeJson);
        this.requestLog = requestLog;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean onApiPort = ApiPort.arrivedOnPort(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!onApiPort) {
            if (!path.equals("/sandbox/v1") && !path.startsWith("/sandbox/v1/")) {
                chain.doFilter(request, response); // /v1/... on the main port: not the sandbox's
                return;
            }
            path = path.substring("/sandbox".length());
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(onApiPort ? "/v1/**" : "/sandbox/v1/**"));
        if (cors.answered(request, response)) {
            return;
        }
        serve(request, response, path);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String requestId = "req_" + Ids.random(14);
        String method = request.getMethod();
        String idempotencyKey = "POST".equals(method) ? request.getHeader("Idempotency-Key") : null;
        String apiVersion = Objects.requireNonNullElse(request.getHeader("Stripe-Version"),
                StripeCall.DEFAULT_API_VERSION);
        SandboxAccount account = null;
        Reply reply;
        try {
            KeyAuthentication.Caller caller = authentication.authenticate(request);
            account = caller.account();
            rateLimiter.acquire(account.id());
            StripeRoutes.Match match = routing.route(method, path, caller.publishableKey());
            Map<String, Object> params = RequestForm.decode(request);
            List<String> expand = Expander.paths(params.remove("expand"));
            StripeCall call = new StripeCall(account, match.route().params().validate(params), match.variables(),
                    requestId, idempotencyKey, caller.publishableKey(), apiVersion);
            SimulatedFaults.beforeRunning(account, requestId);
            Optional<Reply> replayed = idempotencyKey == null ? Optional.empty() : idempotency.replay(account.id(),
                    idempotencyKey, RequestFingerprint.of(method, path, params, expand, json), requestId);
            if (replayed.isPresent()) {
                reply = replayed.get();
            } else {
                reply = transaction.run(match.route().handler(), call, expand);
                SimulatedFaults.afterRunning(account, requestId);
            }
        } catch (StripeError error) {
            reply = stripeJson.error(error);
        } catch (RuntimeException unexpected) {
            log.error("Sandbox request {} {} failed ({})", method, path, requestId, unexpected);
            reply = stripeJson.error(StripeError.builder(500).type("api_error")
                    .message("An unexpected error occurred in the sandbox (request " + requestId + ").").build());
        }
        requestLog.record(account == null ? null : account.id(), requestId, method, path, reply.status(),
                idempotencyKey);
        reply.writeTo(response, requestId, apiVersion, idempotencyKey);
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
            // /v1/* for the API port (ApiPort); on the main port such a request passes on.
            registration.addUrlPatterns("/sandbox/v1/*", "/v1/*");
            registration.setOrder(-104);
            return registration;
        }
    }
}
