package dev.paydeck.sandbox.stripejs;

import com.stripe.exception.StripeException;
import com.stripe.model.SetupIntent;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /sandbox/setup-demo}: a page that saves a card for later payments through the sandbox's Stripe.js, as a
 * merchant's "add a card" page does: the server creates a customer and a SetupIntent, the page mounts the Payment
 * Element in setup mode (or the Card Element with {@code ?integration=card}) and confirms it with
 * {@code stripe.confirmSetup} ({@code stripe.confirmCardSetup}); Stripe returns the customer to
 * {@code /sandbox/setup-demo/complete}. The saved card is attached to the customer and can pay off-session.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SetupDemoController {

    private final DemoPayments payments;

    SetupDemoController(DemoPayments payments) {
        this.payments = payments;
    }

    @GetMapping("/sandbox/setup-demo")
    String setup(@RequestParam(name = "integration", defaultValue = "payment") String integration,
            HttpServletRequest request, Model model) {
        model.addAttribute("integration", "card".equals(integration) ? "card" : "payment");
        try {
            SetupIntent intent = payments.createSetup(request);
            model.addAttribute("setupIntent", intent.getId());
            model.addAttribute("customer", intent.getCustomer());
            model.addAttribute("clientSecret", intent.getClientSecret());
            model.addAttribute("publishableKey", payments.account().publishableKey());
        } catch (StripeException e) {
            CheckoutDemoController.problem(model, "sandbox.setup.problem.stripe", e.getUserMessage());
        }
        return "sandbox/setup-demo";
    }

    @GetMapping("/sandbox/setup-demo/complete")
    String complete(@RequestParam(name = "setup_intent", required = false) String setupIntent,
            @RequestParam(name = "setup_intent_client_secret", required = false) String clientSecret,
            @RequestParam(name = "redirect_status", required = false) String redirectStatus,
            HttpServletRequest request, Model model) {
        model.addAttribute("redirectStatus", redirectStatus);
        model.addAttribute("outcome", "unknown");
        if (setupIntent == null || clientSecret == null || !setupIntent.matches("seti_[A-Za-z0-9]{1,64}")) {
            return "sandbox/setup-demo-complete";
        }
        try {
            SetupIntent intent = payments.retrieveSetup(request, setupIntent);
            // Only whoever holds the client secret (the customer saving the card) may see how it went.
            if (intent.getClientSecret() == null || !MessageDigest.isEqual(
                    intent.getClientSecret().getBytes(StandardCharsets.UTF_8),
                    clientSecret.getBytes(StandardCharsets.UTF_8))) {
                return "sandbox/setup-demo-complete";
            }
            model.addAttribute("intent", intent);
            model.addAttribute("outcome", switch (intent.getStatus()) {
                case "succeeded" -> "succeeded";
                case "processing" -> "processing";
                default -> "failed";
            });
            if (intent.getPaymentMethodObject() != null && intent.getPaymentMethodObject().getCard() != null) {
                var card = intent.getPaymentMethodObject().getCard();
                model.addAttribute("card", card.getBrand() + " •••• " + card.getLast4());
            }
            if (intent.getLastSetupError() != null) {
                model.addAttribute("failure", intent.getLastSetupError().getMessage());
            }
        } catch (StripeException e) {
            model.addAttribute("outcome", "unknown");
        }
        return "sandbox/setup-demo-complete";
    }
}
