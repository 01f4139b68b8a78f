package dev.paydeck.payments.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.customers.Customers;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentId;
import dev.paydeck.payments.PaymentStatusGroup;
import dev.paydeck.payments.PaymentTimelines;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the payments pages share: the caller in the organization of the address, the payment of the address (404 when
 * it is not one of the organization's), and the detail page's model, which the refund dialog renders again with its
 * messages or its confirmation step.
 */
@Component
class PaymentPages {

    private final Callers callers;
    private final Payments payments;
    private final PaymentTimelines timelines;
    private final Customers customers;

    PaymentPages(Callers callers, Payments payments, PaymentTimelines timelines, Customers customers) {
        this.callers = callers;
        this.payments = payments;
        this.timelines = timelines;
        this.customers = customers;
    }

    /** A call to Stripe as the detail's table shows it. */
    record CallRow(String method, String path, String idempotencyKey, String requestId, Integer status,
                   int latencyMillis, java.time.OffsetDateTime at) {
    }

    Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    Payment payment(Caller caller, String paymentId) {
        return parse(paymentId).flatMap(found -> payments.find(caller.organization(), found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Optional<PaymentId> parse(String text) {
        try {
            return Optional.of(new PaymentId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String detail(Caller caller, Payment payment, RefundForm form, Map<String, String> errors,
            boolean refundOpen, Model model, Locale locale) {
        OrganizationId organization = caller.organization();
        model.addAttribute("organizationId", organization.toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("payment", payment);
        model.addAttribute("amountText", payment.amount().format(locale));
        model.addAttribute("chip", PaymentStatusGroup.of(payment).code());
        model.addAttribute("customer", payment.customerId() == null ? null
                : customers.find(organization, payment.customerId()).orElse(null));
        model.addAttribute("timeline", timelines.of(organization, payment));
        model.addAttribute("charges", payments.charges(organization, payment.id()));
        model.addAttribute("refunds", payments.refunds(organization, payment.id()));
        model.addAttribute("calls", payments.stripeCalls(organization, payment.id()).stream()
                .map(call -> new CallRow(call.method(), call.path(), call.idempotencyKey(), call.requestId(),
                        call.status(), call.latencyMillis(), call.occurredAt().atOffset(ZoneOffset.UTC)))
                .toList());
        model.addAttribute("refundForm", form);
        model.addAttribute("refundErrors", errors);
        model.addAttribute("refundOpen", refundOpen);
        model.addAttribute("reasons", List.of("requested_by_customer", "duplicate", "fraudulent"));
        model.addAttribute("zone", zoneName(ZoneId.systemDefault(), locale));
        return "payments/detail";
    }

    static String zoneName(ZoneId zone, Locale locale) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getDisplayName(TextStyle.SHORT, locale);
    }

}
