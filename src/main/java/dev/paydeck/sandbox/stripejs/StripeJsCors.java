package dev.paydeck.sandbox.stripejs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets pages on other origins use the sandbox's hosted endpoints from the browser, as Stripe.js on a shop under
 * development at {@code http://localhost:3000} does (the API under {@code /sandbox/v1} answers CORS itself, in
 * {@code SandboxApiFilter}). No cookies are involved, so no credentials are allowed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class StripeJsCors implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // The 3-D Secure dialog of the script answers the challenge through the hosted page's endpoints.
        registry.addMapping("/sandbox/3ds/*/*")
                .allowedOriginPatterns("*")
                .allowedMethods("POST")
                .allowedHeaders("Accept", "Content-Type")
                .allowCredentials(false)
                .maxAge(600);
    }
}
