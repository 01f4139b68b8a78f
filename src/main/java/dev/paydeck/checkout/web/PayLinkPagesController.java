package dev.paydeck.checkout.web;

import dev.paydeck.organizations.StripeJsLocation;
import dev.paydeck.checkout.PayLink;
import dev.paydeck.checkout.PayLinks;
import dev.paydeck.checkout.ShopItems;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentStateException;
import dev.paydeck.payments.PaymentStatus;
import dev.paydeck.payments.Payments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The hosted payment page, {@code /pay/{token}}: one payment of one organization, paid with the Payment Element of
 * the organization's Stripe.js. The shop's purchases and the links staff make both land here, and both end on
 * {@code /pay/{token}/complete}, where Stripe returns the customer (after a 3-D Secure challenge too) and which
 * shows the payment as Stripe has it now. A declined card is retried on the same page, on the same PaymentIntent.
 */
@Controller
class PayLinkPagesController {

    private final PayLinks links;
    private final Payments payments;
    private final Organizations organizations;
    private final StripeJsLocation stripeJs;
    private final ShopItems shopItems;

    PayLinkPagesController(PayLinks links, Payments payments, Organizations organizations,
            StripeJsLocation stripeJs, ShopItems shopItems) {
        this.shopItems = shopItems;
        this.links = links;
        this.payments = payments;
        this.organizations = organizations;
        this.stripeJs = stripeJs;
    }

    @GetMapping("/pay/{token}")
    String pay(@PathVariable String token, Model model) {
        PayLink link = link(token);
        Payments.Created current = current(link, model);
        if (current == null) {
            return "pay/pay";
        }
        PaymentStatus status = current.payment().status();
        if (status == PaymentStatus.SUCCEEDED || status == PaymentStatus.PROCESSING
                || status == PaymentStatus.REQUIRES_CAPTURE) {
            return "redirect:" + link.path() + "/complete";
        }
        model.addAttribute("payable", status != PaymentStatus.CANCELED);
        model.addAttribute("clientSecret", current.clientSecret());
        model.addAttribute("publishableKey", current.publishableKey());
        model.addAttribute("stripeJs", stripeJs.of(link.organization()));
        model.addAttribute("returnUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(link.path() + "/complete").toUriString());
        return "pay/pay";
    }

    @GetMapping("/pay/{token}/complete")
    String complete(@PathVariable String token, Model model) {
        PayLink link = link(token);
        Payments.Created current = current(link, model);
        if (current != null) {
            model.addAttribute("outcome", outcome(current.payment()));
            // Back to the shop only when the organization has one (a staff's link may come from a shop-less one).
            model.addAttribute("shop", !shopItems.list(link.organization()).isEmpty());
        }
        return "pay/complete";
    }

    /** What the customer is told: {@code succeeded}, {@code processing}, {@code failed}, {@code canceled} or {@code open}. */
    static String outcome(Payment payment) {
        return switch (payment.status()) {
            case SUCCEEDED, REQUIRES_CAPTURE -> "succeeded";
            case PROCESSING -> "processing";
            case CANCELED -> "canceled";
            case REQUIRES_PAYMENT_METHOD -> payment.lastError() != null ? "failed" : "open";
            default -> "open";
        };
    }

    private PayLink link(String token) {
        return links.find(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The payment as Stripe has it now, into the model; null (and a problem in the model) when Stripe won't say. */
    private Payments.Created current(PayLink link, Model model) {
        Organization organization = organizations.find(link.organization())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("organization", organization);
        model.addAttribute("link", link);
        try {
            Payments.Created current = payments.current(link.organization(), link.payment());
            model.addAttribute("payment", current.payment());
            return current;
        } catch (StripeFailure | PaymentStateException e) {
            model.addAttribute("unavailable", true);
            return null;
        }
    }
}
