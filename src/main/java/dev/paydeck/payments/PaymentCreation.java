package dev.paydeck.payments;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Creates a payment's PaymentIntent in Stripe. The parameters are a function of the payment's request, id and
 * customer alone, and the idempotency key of its id: so a create sent again (a retried request, or the janitor
 * re-sending one that never got an answer) is the very same call, which Stripe answers once.
 */
@Component
class PaymentCreation {

    private final StripeClients stripe;

    PaymentCreation(StripeClients stripe) {
        this.stripe = stripe;
    }

    PaymentIntent send(OrganizationId organization, PaymentId id, PaymentRequest request, String stripeCustomer)
            throws StripeException {
        return StripeCallSubject.about("payment", id, () -> stripe.forOrganization(organization).v1().paymentIntents()
                .create(params(request, id, stripeCustomer), StripeIdempotency.options("payment", id.id())));
    }

    static PaymentIntentCreateParams params(PaymentRequest request, PaymentId id, String customer) {
        Map<String, String> metadata = new HashMap<>(request.metadata() == null ? Map.of() : request.metadata());
        metadata.put(Payments.PAYDECK_ID, id.toString());
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(request.amount().stripeCurrency())
                .putAllMetadata(metadata)
                .addAllExpand(Payments.EXPAND)
                .setCaptureMethod(request.manualCapture() ? PaymentIntentCreateParams.CaptureMethod.MANUAL
                        : PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(request.returnUrl() == null
                                ? PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER
                                : PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.ALWAYS)
                        .build());
        if (customer != null) {
            params.setCustomer(customer);
        }
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        if (request.receiptEmail() != null) {
            params.setReceiptEmail(request.receiptEmail());
        }
        if (request.statementDescriptor() != null) {
            params.setStatementDescriptorSuffix(request.statementDescriptor());
        }
        if (request.paymentMethod() != null) {
            params.setPaymentMethod(request.paymentMethod());
        }
        if (request.confirm()) {
            params.setConfirm(true);
            if (request.returnUrl() != null) {
                params.setReturnUrl(request.returnUrl());
            }
            if (request.offSession()) {
                params.setOffSession(PaymentIntentCreateParams.OffSession.ONE_OFF);
            }
        }
        return params.build();
    }
}
