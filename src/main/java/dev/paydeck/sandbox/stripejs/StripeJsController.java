package dev.paydeck.sandbox.stripejs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /sandbox/js/v3}: the sandbox's stand-in for {@code https://js.stripe.com/v3/}. A page that loads this
 * script instead of Stripe's gets {@code window.Stripe} with the same calls (Elements, the Payment Element,
 * {@code confirmPayment}, {@code confirmCardPayment}...), talking to this sandbox's API. The script finds the API
 * from its own address, so it works on whatever host and port the sandbox runs.
 */
@RestController
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class StripeJsController {

    static final MediaType JAVASCRIPT = new MediaType("application", "javascript", StandardCharsets.UTF_8);

    private final String script;

    StripeJsController() {
        try (var in = new ClassPathResource("sandbox/stripe-v3.js").getInputStream()) {
            this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox's Stripe.js is missing from the classpath", e);
        }
    }

    @GetMapping({"/sandbox/js/v3", "/sandbox/js/v3/"})
    ResponseEntity<String> script() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .body(script);
    }
}
