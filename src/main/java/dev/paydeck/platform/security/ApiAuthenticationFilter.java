package dev.paydeck.platform.security;

import dev.paydeck.platform.ApiAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Authenticates API calls by their bearer credential; an unknown or missing one leaves the call anonymous (401). */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final List<ApiAuthenticator> authenticators;

    ApiAuthenticationFilter(List<ApiAuthenticator> authenticators) {
        this.authenticators = authenticators;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String credential = header.substring(BEARER.length()).trim();
            authenticators.stream()
                    .map(authenticator -> authenticator.authenticate(credential))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .ifPresent(this::signIn);
        }
        chain.doFilter(request, response);
    }

    private void signIn(Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
