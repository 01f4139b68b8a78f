package dev.paydeck.demo.web;

import dev.paydeck.demo.DemoShop;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeMode;
import dev.paydeck.shared.OrganizationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the sandbox's checkout demo ({@code /sandbox/checkout-demo}) charge the Demo Shop rather than a sandbox
 * account of no one: puts under the request attribute {@code paydeck.sandbox.checkout-demo} the publishable key of
 * the Demo Shop's sandbox account, its name and its storefront. The demo's payments are then the Demo Shop's: its
 * webhook endpoint brings them into its payments and its dashboard. Plain strings on both sides, as for the sandbox's
 * pages ({@code docs/architecture.md}): the sandbox depends on no module and no module on it. Without a Demo Shop
 * (sandbox-only mode, or the demo switched off) the attribute is absent and the demo uses the sandbox's default
 * account, as a sandbox on its own does.
 */
final class CheckoutDemoFilter extends OncePerRequestFilter {

    /** The request attribute the sandbox's checkout demo reads; keep it equal to its {@code DemoPayments.SHOP}. */
    static final String ATTRIBUTE = "paydeck.sandbox.checkout-demo";

    private final DemoShop demo;
    private final StripeClients stripe;

    CheckoutDemoFilter(DemoShop demo, StripeClients stripe) {
        this.demo = demo;
        this.stripe = stripe;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        demo.organization().flatMap(this::onTheSandbox).ifPresent(organization -> request.setAttribute(ATTRIBUTE,
                Map.of("publishable_key", stripe.publishableKey(organization), "name", "Demo Shop",
                        "shop", request.getContextPath() + "/shop/" + organization)));
        chain.doFilter(request, response);
    }

    private Optional<OrganizationId> onTheSandbox(OrganizationId organization) {
        try {
            return stripe.mode(organization) == StripeMode.SANDBOX ? Optional.of(organization) : Optional.empty();
        } catch (RuntimeException e) {
            // Its keys are gone or unreadable: the demo then charges the sandbox's default account.
            return Optional.empty();
        }
    }

    /** On the checkout demo's paths only. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<CheckoutDemoFilter> checkoutDemoFilter(DemoShop demo, StripeClients stripe) {
            var registration = new FilterRegistrationBean<>(new CheckoutDemoFilter(demo, stripe));
            registration.addUrlPatterns("/sandbox/checkout-demo", "/sandbox/checkout-demo/*");
            registration.setOrder(0);
            return registration;
        }
    }
}
