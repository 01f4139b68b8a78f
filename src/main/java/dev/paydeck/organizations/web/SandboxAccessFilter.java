package dev.paydeck.organizations.web;

import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.organizations.SandboxAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Tells the sandbox's pages which sandbox accounts the signed-in person may see, and what they may do with them.
 *
 * <p><b>The contract.</b> On the sandbox's own pages ({@code /sandbox}, {@code /sandbox/accounts/**},
 * {@code /sandbox/webhook_endpoints/**}), for a person signed in, this filter puts under the request attribute
 * {@value #ACCESS_ATTRIBUTE} a {@code Map<String, String>}: a sandbox account's publishable key → {@code read} or
 * {@code act} ({@link SandboxAccess}). The sandbox's pages read it (its {@code dev.paydeck.sandbox.web.Visitor},
 * where the same contract is written) with the name of Spring Security's principal, and show nothing else but the
 * accounts the person opened. Plain strings and JDK types on both sides: the sandbox depends on no module and no
 * module depends on the sandbox. Runs after Spring Security's filter chain (order -100), which knows who is signed in.
 */
final class SandboxAccessFilter extends OncePerRequestFilter {

    /** The request attribute the sandbox's pages read; keep it equal to the sandbox's {@code Visitor.ACCESS_ATTRIBUTE}. */
    static final String ACCESS_ATTRIBUTE = "paydeck.sandbox.account-access";

    private final SandboxAccess access;

    SandboxAccessFilter(SandboxAccess access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            request.setAttribute(ACCESS_ATTRIBUTE, access.grantsOf(person.id()));
        }
        chain.doFilter(request, response);
    }

    /** On the sandbox's page paths only, after security. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SandboxAccessFilter> sandboxAccessFilter(SandboxAccess access) {
            var registration = new FilterRegistrationBean<>(new SandboxAccessFilter(access));
            registration.addUrlPatterns("/sandbox", "/sandbox/accounts/*", "/sandbox/webhook_endpoints/*");
            registration.setOrder(0);
            return registration;
        }
    }
}
