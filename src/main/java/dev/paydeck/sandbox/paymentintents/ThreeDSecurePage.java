package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;

/**
 * The sandbox's hosted 3-D Secure challenge, where {@code next_action.redirect_to_url.url} (or
 * {@code use_stripe_sdk.stripe_js}) of a PaymentIntent or SetupIntent in {@code requires_action} points.
 * <ul>
 *   <li>{@code GET /sandbox/3ds/{intent}?client_secret=...}: the challenge page, with "Complete authentication" and
 *   "Fail authentication" buttons.</li>
 *   <li>{@code POST /sandbox/3ds/{intent}/complete} and {@code .../fail} (form field or query parameter
 *   {@code client_secret}): the outcome. A PaymentIntent then goes on ({@code succeeded} / {@code requires_capture},
 *   or {@code requires_confirmation} for manual confirmation) or returns to {@code requires_payment_method} with
 *   {@code last_payment_error.code = payment_intent_authentication_failure}; a SetupIntent {@code succeeded}, or
 *   {@code requires_payment_method} with {@code last_setup_error.code = setup_intent_authentication_failure}. A
 *   browser is redirected (303) to the intent's {@code return_url} with {@code payment_intent} (or
 *   {@code setup_intent}), its {@code ..._client_secret} and {@code redirect_status} ({@code succeeded} /
 *   {@code failed}), as Stripe does.</li>
 *   <li>The same POSTs with {@code Accept: application/json} (for the sandbox's Stripe.js) answer the intent as
 *   JSON instead of redirecting; errors come in Stripe's error JSON.</li>
 * </ul>
 * The client secret in the address is what lets the customer's browser act on the intent, as on Stripe's hosted
 * page. Browser form posts made with a session cookie need the CSRF token, which the page includes.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class ThreeDSecurePage {

    private final ThreeDSecureChallenges challenges;
    private final JsonMapper json;

    ThreeDSecurePage(ThreeDSecureChallenges challenges, JsonMapper json) {
        this.challenges = challenges;
        this.json = json;
    }

    @GetMapping("/sandbox/3ds/{intentId}")
    String challenge(@PathVariable String intentId,
            @RequestParam(name = "client_secret", required = false) String clientSecret, Model model) {
        ThreeDSecureChallenges.Challenge challenge = challenges.find(intentId, clientSecret).orElse(null);
        if (challenge == null) {
            model.addAttribute("missing", true);
            return "sandbox/three-d-secure";
        }
        ObjectNode intent = challenge.intent();
        model.addAttribute("missing", false);
        model.addAttribute("intent", intent.get("id").asString());
        model.addAttribute("object", challenge.kind().object());
        model.addAttribute("clientSecret", clientSecret);
        model.addAttribute("status", intent.get("status").asString());
        model.addAttribute("pending", "requires_action".equals(intent.get("status").asString()));
        // A SetupIntent has no amount: the bank authenticates the card for later payments.
        model.addAttribute("amount", !intent.hasNonNull("amount") ? null
                : Currencies.format(intent.get("amount").asLong(), intent.get("currency").asString()) + " "
                        + intent.get("currency").asString().toUpperCase());
        String paymentMethod = StripeObjects.string(intent, "payment_method");
        model.addAttribute("card", paymentMethod == null ? null
                : challenges.card(challenge, paymentMethod).orElse(null));
        return "sandbox/three-d-secure";
    }

    @PostMapping("/sandbox/3ds/{intentId}/complete")
    ResponseEntity<String> complete(@PathVariable String intentId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return outcome(intentId, clientSecret, accept, true);
    }

    @PostMapping("/sandbox/3ds/{intentId}/fail")
    ResponseEntity<String> fail(@PathVariable String intentId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return outcome(intentId, clientSecret, accept, false);
    }

    private ResponseEntity<String> outcome(String intentId, String clientSecret, String accept,
            boolean authenticated) {
        boolean wantsJson = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        ThreeDSecureChallenges.Challenge concluded;
        try {
            concluded = challenges.conclude(intentId, clientSecret, authenticated);
        } catch (StripeError error) {
            String body = json.writeValueAsString(Map.of("error", error.body()));
            return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        if (wantsJson) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(StripeObjects.rendered(concluded.intent())));
        }
        URI next = redirectTarget(concluded.kind().object(), concluded.intent(), clientSecret);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(next).build();
    }

    /**
     * The intent's return_url with Stripe's query parameters ({@code payment_intent} or {@code setup_intent}, its
     * client secret, {@code redirect_status}), or back to the challenge page when it has none.
     */
    static URI redirectTarget(String object, ObjectNode intent, String clientSecret) {
        String returnUrl = StripeObjects.string(intent, "_return_url");
        String status = intent.get("status").asString();
        boolean failed = "requires_payment_method".equals(status) || "canceled".equals(status);
        if (returnUrl == null) {
            return UriComponentsBuilder.fromPath("/sandbox/3ds/" + intent.get("id").asString())
                    .queryParam("client_secret", clientSecret).encode().build().toUri();
        }
        return UriComponentsBuilder.fromUriString(returnUrl)
                .queryParam(object, intent.get("id").asString())
                .queryParam(object + "_client_secret", intent.get("client_secret").asString())
                .queryParam("redirect_status", failed ? "failed" : "succeeded")
                .encode().build().toUri();
    }
}
