package dev.paydeck.platform.security;

import dev.paydeck.platform.ApiAuthenticator;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.idempotency.IdempotencyFilter;
import dev.paydeck.platform.idempotency.IdempotencyRecords;
import dev.paydeck.shared.web.BodySizeLimitFilter;
import dev.paydeck.shared.web.ProblemWriter;
import dev.paydeck.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Two filter chains: a stateless one for the REST API under {@code /api/**} (bearer credentials, problem+json
 * 401/403, no CSRF since no cookies are used), and one for pages (session, form login, CSRF). Public: home,
 * health, the sandbox's API, Stripe.js and hosted pages, webhooks, static assets and API docs, and the pages customers
 * pay on (the shops, {@code /shop/**}, the hosted payment pages, {@code /pay/**}, and the customer portal,
 * {@code /portal/**}, which its link's token opens). Pages that need a
 * signed-in person live under {@code /app/**}, and so do the sandbox's own pages (its accounts, their keys, requests,
 * events and webhook endpoints; {@link #SANDBOX_DASHBOARD}) but in sandbox-only mode, where they are open. People
 * sign in with the accounts module's authentication provider.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * The sandbox's hosted pages (3-D Secure challenge, Checkout) send the customer back to the shop's
     * {@code return_url} after a form post, and its Stripe.js shows the challenge in a frame of the same origin.
     */
    static final String SANDBOX_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self'; frame-ancestors 'self'; form-action 'self' http: https:; base-uri 'self'; "
            + "object-src 'none'";

    /**
     * The hosted payment pages ({@code /pay/**}) and the customer portal ({@code /portal/**}) load the organization's
     * Stripe.js: Stripe's own script, frames and API when the organization is on Stripe (Stripe's documented policy),
     * the sandbox's, from this origin, otherwise (and another Stripe-compatible server's: {@link PayPagesPolicy}).
     */
    static final String PAY_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' https://js.stripe.com; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https://*.stripe.com; font-src 'self' data:; "
            + "connect-src 'self' https://api.stripe.com; frame-src 'self' https://js.stripe.com "
            + "https://hooks.stripe.com; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    /**
     * Machine endpoints that authenticate with their own credentials (the sandbox's Stripe API checks its API keys,
     * the webhook endpoint checks Stripe's signature): no session, no CSRF, no login. Both are answered by servlet
     * filters ahead of security ({@code SandboxApiFilter}, {@code StripeWebhookFilter}), as they are the busiest
     * addresses; this chain sees only what those pass on (another address under these prefixes: 404).
     */
    @Bean
    @Order(0)
    SecurityFilterChain machineEndpointSecurity(HttpSecurity http) throws Exception {
        stateless(http.securityMatcher("/sandbox/v1/**", "/webhooks/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** For callers that send their credentials with every request: no session, CSRF, login, logout or saved request. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<ApiAuthenticator> authenticators,
            ProblemWriter problems, IdempotencyRecords idempotency) throws Exception {
        stateless(http.securityMatcher("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiAuthenticationFilter(authenticators.orderedStream().toList()),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new IdempotencyFilter(idempotency, problems), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                Problems.unauthenticated()))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response,
                                Problems.forbidden(null))))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * The sandbox's own pages, which show accounts and their keys: sign-in needed in the full product. Which accounts
     * a person then sees is the sandbox's business, told by a request attribute the organizations module fills in (its
     * {@code SandboxAccessFilter}, on these same paths). Left public under these paths: opening an account
     * ({@code POST /sandbox/accounts}, which Paydeck itself and other programs call) and a fault switch authorized by
     * the account's secret key ({@code POST /sandbox/accounts/{id}/fault}).
     */
    static final String[] SANDBOX_DASHBOARD = {"/sandbox", "/sandbox/accounts/**", "/sandbox/webhook_endpoints/**"};

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, @Value("${paydeck.sandbox-only:false}") boolean sandboxOnly,
            org.springframework.core.env.Environment environment) throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/app/**").authenticated();
                    // Customers pay without an account: the storefronts and the hosted payment pages.
                    requests.requestMatchers("/shop/**", "/pay/**", "/portal/**").permitAll();
                    if (!sandboxOnly) {
                        requests.requestMatchers(HttpMethod.POST, "/sandbox/accounts", "/sandbox/accounts/*/fault")
                                .permitAll()
                                .requestMatchers(SANDBOX_DASHBOARD).authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/app")
                        .failureHandler(new SignInFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CsrfRequirement()))
                // CORS as the modules declare it (the sandbox API answers Stripe.js on any origin, as Stripe does).
                .cors(Customizer.withDefaults())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SANDBOX_PAGES,
                                new ContentSecurityPolicyHeaderWriter(SANDBOX_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SANDBOX_PAGES,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PAY_PAGES,
                                new PayPagesPolicy(environment)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(OTHER_PAGES_BUT_PAY,
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(OTHER_PAGES,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    private static final RequestMatcher SANDBOX_PAGES = PathPatternRequestMatcher.withDefaults().matcher("/sandbox/**");
    private static final RequestMatcher OTHER_PAGES = new NegatedRequestMatcher(SANDBOX_PAGES);
    /** The pages that load the organization's Stripe.js: hosted payment pages, the portal, the pricing checkout. */
    private static final RequestMatcher PAY_PAGES = new org.springframework.security.web.util.matcher
            .OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/pay/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/portal/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/pricing/**"));
    private static final RequestMatcher OTHER_PAGES_BUT_PAY = new org.springframework.security.web.util.matcher
            .AndRequestMatcher(OTHER_PAGES, new NegatedRequestMatcher(PAY_PAGES));

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PaydeckProperties properties,
            ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.http().maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
