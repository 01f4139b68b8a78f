package dev.paydeck.sandbox.stripejs;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /sandbox/checkout-demo}: a small shop page that takes a payment through the sandbox's Stripe.js, the way a
 * merchant's page would: the server creates a PaymentIntent, the page mounts the Payment Element (or the Card
 * Element with {@code ?integration=card}) and confirms it; Stripe returns the customer to
 * {@code /sandbox/checkout-demo/complete}. Handy to try test cards by hand, and what the browser tests drive. In the
 * full product it charges the Demo Shop (see {@link DemoPayments#SHOP}), and says so.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class CheckoutDemoController {

    static final List<String> CURRENCIES = List.of("usd", "eur", "gbp", "jpy");
    private static final long MAX_AMOUNT = 99_999_999L;

    private final DemoPayments payments;

    CheckoutDemoController(DemoPayments payments) {
        this.payments = payments;
    }

    @GetMapping("/sandbox/checkout-demo")
    String checkout(@RequestParam(name = "amount", defaultValue = "2000") String amount,
            @RequestParam(name = "currency", defaultValue = "usd") String currency,
            @RequestParam(name = "integration", defaultValue = "payment") String integration,
            @RequestParam(name = "redirect", defaultValue = "always") String redirect,
            HttpServletRequest request, Model model) {
        String chosenCurrency = currency.toLowerCase(java.util.Locale.ROOT);
        model.addAttribute("amount", amount);
        model.addAttribute("currency", chosenCurrency);
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("integration", "card".equals(integration) ? "card" : "payment");
        model.addAttribute("redirect", "if_required".equals(redirect) ? "if_required" : "always");
        DemoPayments.shop(request).ifPresent(shop -> model.addAttribute("shop", shop));
        Long minorUnits = parseAmount(amount);
        if (minorUnits == null) {
            problem(model, "sandbox.checkout.problem.amount", String.valueOf(MAX_AMOUNT));
            return "sandbox/checkout-demo";
        }
        if (!CURRENCIES.contains(chosenCurrency)) {
            problem(model, "sandbox.checkout.problem.currency", String.join(", ", CURRENCIES));
            return "sandbox/checkout-demo";
        }
        try {
            PaymentIntent intent = payments.create(request, minorUnits, chosenCurrency);
            model.addAttribute("paymentIntent", intent.getId());
            model.addAttribute("clientSecret", intent.getClientSecret());
            model.addAttribute("publishableKey", payments.checkoutAccount(request).publishableKey());
            model.addAttribute("display", Money.display(minorUnits, chosenCurrency));
        } catch (StripeException e) {
            problem(model, "sandbox.checkout.problem.stripe", e.getUserMessage());
        }
        return "sandbox/checkout-demo";
    }

    @GetMapping("/sandbox/checkout-demo/complete")
    String complete(@RequestParam(name = "payment_intent", required = false) String paymentIntent,
            @RequestParam(name = "payment_intent_client_secret", required = false) String clientSecret,
            @RequestParam(name = "redirect_status", required = false) String redirectStatus,
            HttpServletRequest request, Model model) {
        model.addAttribute("redirectStatus", redirectStatus);
        if (paymentIntent == null || clientSecret == null || !paymentIntent.matches("pi_[A-Za-z0-9]{1,64}")) {
            model.addAttribute("outcome", "unknown");
            return "sandbox/checkout-demo-complete";
        }
        try {
            PaymentIntent intent = payments.retrieve(request, paymentIntent);
            // Only whoever holds the client secret (the paying customer) may see how it went.
            if (intent.getClientSecret() == null || !MessageDigest.isEqual(
                    intent.getClientSecret().getBytes(StandardCharsets.UTF_8),
                    clientSecret.getBytes(StandardCharsets.UTF_8))) {
                model.addAttribute("outcome", "unknown");
                return "sandbox/checkout-demo-complete";
            }
            model.addAttribute("intent", intent);
            model.addAttribute("display", Money.display(intent.getAmount(), intent.getCurrency()));
            model.addAttribute("outcome", switch (intent.getStatus()) {
                case "succeeded", "requires_capture" -> "succeeded";
                case "processing" -> "processing";
                default -> "failed";
            });
            if (intent.getLastPaymentError() != null) {
                model.addAttribute("failure", intent.getLastPaymentError().getMessage());
            }
        } catch (StripeException e) {
            model.addAttribute("outcome", "unknown");
        }
        return "sandbox/checkout-demo-complete";
    }

    /** A problem shown above the form in the visitor's language: its message key and arguments. */
    static void problem(Model model, String key, Object... arguments) {
        model.addAttribute("problemKey", key);
        model.addAttribute("problemArguments", arguments);
    }

    private static Long parseAmount(String amount) {
        if (amount == null || !amount.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        long value = Long.parseLong(amount.strip());
        return value < 1 || value > MAX_AMOUNT ? null : value;
    }
}
