package dev.paydeck.payments.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentStateException;
import dev.paydeck.payments.Payments;
import dev.paydeck.payments.Refund;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;
import java.util.Map;

/**
 * What staff do to a payment from its page: capture or cancel an authorization, and refund (the refund dialog), each
 * after a confirmation, each answered by a notice in plain words on the payment's page. Only people who may write get
 * here: a viewer is refused (403), and Spring Security's CSRF check stands before every form.
 */
@Controller
@RequestMapping("/app/organizations/{id}/payments")
class PaymentActionsController {

    private final PaymentPages pages;
    private final Payments payments;

    PaymentActionsController(PaymentPages pages, Payments payments) {
        this.pages = pages;
        this.payments = payments;
    }

    @PostMapping("/{paymentId}/capture")
    String capture(@PathVariable String id, @PathVariable String paymentId, RedirectAttributes redirect,
            Locale locale) {
        Caller caller = pages.caller(id).requireWrite();
        Payment payment = pages.payment(caller, paymentId);
        try {
            Payment captured = payments.capture(caller.organization(), payment.id(), null, caller.actor());
            notice(redirect, "success", "payments.notice.captured", (captured.amountReceived().isPositive()
                    ? captured.amountReceived() : payment.amountCapturable()).format(locale));
        } catch (PaymentStateException e) {
            notice(redirect, "danger", "payments.notice.not-capturable", null);
        } catch (StripeFailure failure) {
            stripeFailed(redirect, failure);
        }
        return redirectTo(caller, payment);
    }

    @PostMapping("/{paymentId}/cancel")
    String cancel(@PathVariable String id, @PathVariable String paymentId, RedirectAttributes redirect) {
        Caller caller = pages.caller(id).requireWrite();
        Payment payment = pages.payment(caller, paymentId);
        try {
            payments.cancel(caller.organization(), payment.id(), "requested_by_customer", caller.actor());
            notice(redirect, "success", "payments.notice.canceled", null);
        } catch (PaymentStateException e) {
            notice(redirect, "danger", "payments.notice.not-cancelable", null);
        } catch (StripeFailure failure) {
            stripeFailed(redirect, failure);
        }
        return redirectTo(caller, payment);
    }

    /**
     * The refund dialog's two steps: {@code review} checks the amount and reason and asks to confirm; {@code confirm}
     * refunds, once per the form's idempotency key.
     */
    @PostMapping("/{paymentId}/refunds")
    String refund(@PathVariable String id, @PathVariable String paymentId, @ModelAttribute RefundForm form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        Caller caller = pages.caller(id).requireWrite();
        Payment payment = pages.payment(caller, paymentId);
        if (!payment.status().isRefundable() || !payment.refundable().isPositive()) {
            // Refunded in full already: a repeat of the form that did it answers what it did.
            notice(redirect, "danger", "payments.notice.not-refundable", null);
            if (form.confirming()) {
                return repeated(caller, payment, form, redirect, locale);
            }
            return redirectTo(caller, payment);
        }
        if ("edit".equals(form.step())) {
            return pages.detail(caller, payment, form.reviewing(), Map.of(), true, model, locale);
        }
        RefundForm.Checked checked = form.check(payment);
        if (!checked.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return pages.detail(caller, payment, form.reviewing(), checked.errors(), true, model, locale);
        }
        if (!form.confirming()) {
            model.addAttribute("refundAmount", checked.amount());
            return pages.detail(caller, payment, form.toConfirm(), Map.of(), true, model, locale);
        }
        try {
            Refund refund = payments.refund(caller.organization(), payment.id(), checked.amount().minor(),
                    form.reasonOrNull(), form.idempotencyKey(), caller.actor());
            notice(redirect, refund.status().code().equals("failed") ? "danger" : "success",
                    "payments.notice.refunded." + refund.status().code(), refund.amount().format(locale));
        } catch (PaymentStateException e) {
            notice(redirect, "danger", "payments.notice.not-refundable", null);
        } catch (StripeFailure failure) {
            stripeFailed(redirect, failure);
        }
        return redirectTo(caller, payment);
    }

    /** A confirmed refund form sent again after the payment was refunded in full: the refund it made, if it did. */
    private String repeated(Caller caller, Payment payment, RefundForm form, RedirectAttributes redirect,
            Locale locale) {
        if (form.idempotencyKey() != null && !form.idempotencyKey().isBlank()) {
            try {
                Refund earlier = payments.refund(caller.organization(), payment.id(), null, null,
                        form.idempotencyKey(), caller.actor());
                notice(redirect, "success", "payments.notice.refunded." + earlier.status().code(),
                        earlier.amount().format(locale));
            } catch (PaymentStateException | StripeFailure e) {
                // Not this form's refund: the notice already says that the payment cannot be refunded.
            }
        }
        return redirectTo(caller, payment);
    }

    private static String redirectTo(Caller caller, Payment payment) {
        return "redirect:/app/organizations/" + caller.organization() + "/payments/" + payment.id();
    }

    /** A notice for the page the redirect leads to: its kind (success, danger), message key and amount (formatted). */
    private static void notice(RedirectAttributes redirect, String kind, String key, String amount) {
        redirect.addFlashAttribute("noticeKind", kind);
        redirect.addFlashAttribute("notice", key);
        redirect.addFlashAttribute("noticeAmount", amount);
    }

    /** Stripe's refusal in plain words: what happened, from the organization's side, and Stripe's own message. */
    private static void stripeFailed(RedirectAttributes redirect, StripeFailure failure) {
        redirect.addFlashAttribute("noticeKind", "danger");
        redirect.addFlashAttribute("notice", "payments.notice.stripe." + failure.kind().name().toLowerCase(Locale.ROOT));
        redirect.addFlashAttribute("noticeStripe", failure.stripeMessage());
    }

}
