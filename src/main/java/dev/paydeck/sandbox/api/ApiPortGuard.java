package dev.paydeck.sandbox.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * On the API port ({@link ApiPort}) the only thing served is the Stripe API: {@code /v1/...} goes on to the
 * {@link SandboxApiFilter} (marked, so that it reads the path without {@code /sandbox}), anything else is answered
 * here with Stripe's 404, as {@code api.stripe.com} answers an unknown URL. Requests on the main port pass untouched.
 */
final class ApiPortGuard extends HttpFilter {

    private final int port;
    private final Environment environment;
    private final StripeJson stripeJson;

    ApiPortGuard(int port, Environment environment, JsonMapper json) {
        this.port = port;
        this.environment = environment;
        this.stripeJson = new StripeJson(json);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getLocalPort() != port) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/v1/")) {
            request.setAttribute(ApiPort.MAIN_PORT, environment.getProperty("local.server.port", Integer.class));
            chain.doFilter(request, response);
            return;
        }
        stripeJson.error(Routing.unrecognized(request.getMethod(), path)).writeTo(response, "req_" + Ids.random(14),
                StripeCall.DEFAULT_API_VERSION, null);
    }
}
