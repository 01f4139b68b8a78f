package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.ApiPort;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Stand-alone sandbox: with {@code paydeck.sandbox-only=true} ({@code PAYDECK_SANDBOX_ONLY=true} or
 * {@code --paydeck.sandbox-only=true}) Paydeck serves only the Stripe-compatible sandbox — its API under
 * {@code /sandbox/v1}, its pages under {@code /sandbox}, and what they need (static assets, WebJars) — plus health
 * ({@code /health}, {@code /actuator}), and the API on its own port ({@link ApiPort}); every other page and API
 * answers 404, and {@code /} leads to the sandbox.
 * For running Paydeck as a Stripe emulator that other programs test against. A filter on path prefixes keeps this
 * inside the sandbox module, which knows nothing of the other modules' addresses.
 */
final class SandboxOnlyFilter extends OncePerRequestFilter {

    private static final List<String> SERVED = List.of("/sandbox", "/health", "/actuator", "/webjars", "/css", "/js",
            "/images", "/favicon");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ApiPort.arrivedOnPort(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect(request.getContextPath() + "/sandbox");
            return;
        }
        if (SERVED.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/")
                || (prefix.equals("/favicon") && path.startsWith(prefix)))) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** Registers the filter ahead of security, only in sandbox-only mode. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "paydeck.sandbox-only", havingValue = "true")
    static class Registration {

        @Bean
        FilterRegistrationBean<SandboxOnlyFilter> sandboxOnlyFilter() {
            var registration = new FilterRegistrationBean<>(new SandboxOnlyFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }
}
