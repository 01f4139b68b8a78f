package dev.paydeck.sandbox.stripejs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets pages on other origins call the sandbox API from the browser, as Stripe's API lets any page running
 * Stripe.js call it: a shop under development at {@code http://localhost:3000} loads {@code /sandbox/js/v3} from
 * Paydeck and pays. No cookies are involved (keys travel in the Authorization header), so no credentials are allowed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class StripeJsCors implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/sandbox/v1/**")
                .allowedOriginPatterns("*")
                .allowedMethods("GET", "POST", "DELETE")
                .allowedHeaders("Authorization", "Content-Type", "Stripe-Version", "Stripe-Account",
                        "Idempotency-Key")
                .exposedHeaders("Request-Id", "Stripe-Version")
                .allowCredentials(false)
                .maxAge(600);
        // The 3-D Secure dialog of the script answers the challenge through the hosted page's endpoints.
        registry.addMapping("/sandbox/3ds/*/*")
                .allowedOriginPatterns("*")
                .allowedMethods("POST")
                .allowedHeaders("Accept", "Content-Type")
                .allowCredentials(false)
                .maxAge(600);
    }
}
