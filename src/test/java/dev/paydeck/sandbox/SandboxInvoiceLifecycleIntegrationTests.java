package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.InvoiceUpdateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentMethodAttachParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An invoice's life after its draft: finalize, pay (declines, 3-D Secure, out of band), send, void, uncollectible. */
class SandboxInvoiceLifecycleIntegrationTests extends SandboxTest {

    private static final long DAY = 86_400;

    private Customer customer;

    @BeforeEach
    void customer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").build());
    }

    @Test
    void finalizingNumbersTheInvoiceDatesItAndCreatesThePaymentIntentForItsAmountDue() throws Exception {
        item(2500L);
        Invoice draft = draft(InvoiceCreateParams.CollectionMethod.SEND_INVOICE, 30L);

        Invoice open = stripe.v1().invoices().finalizeInvoice(draft.getId());

        assertThat(open.getStatus()).isEqualTo("open");
        assertThat(open.getNumber()).isEqualTo(customer.getInvoicePrefix() + "-0001")
                .matches("[A-Z0-9]{8}-0001");
        long finalizedAt = open.getStatusTransitions().getFinalizedAt();
        assertThat(finalizedAt).isGreaterThanOrEqualTo(draft.getCreated());
        assertThat(open.getEffectiveAt()).isEqualTo(finalizedAt);
        assertThat(open.getDueDate()).isEqualTo(finalizedAt + 30 * DAY);
        assertThat(open.getHostedInvoiceUrl()).endsWith("/sandbox/invoices/" + open.getId());
        assertThat(open.getInvoicePdf()).endsWith("/sandbox/invoices/" + open.getId() + "/pdf");
        assertThat(open.getAmountDue()).isEqualTo(2500L);
        assertThat(open.getAmountRemaining()).isEqualTo(2500L);
        PaymentIntent intent = intentOf(open);
        assertThat(intent.getAmount()).isEqualTo(2500L);
        assertThat(intent.getCurrency()).isEqualTo("usd");
        assertThat(intent.getCustomer()).isEqualTo(customer.getId());
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(open.getConfirmationSecret().getClientSecret()).isEqualTo(intent.getClientSecret());
        assertThat(open.getPayments().getData()).singleElement()
                .satisfies(payment -> assertThat(payment.getStatus()).isEqualTo("open"));

        item(100L);
        Invoice second = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());
        assertThat(second.getNumber()).as("the sequence is the customer's").isEqualTo(customer.getInvoicePrefix()
                + "-0002");
        assertThat(second.getDueDate()).isNull();
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getNextInvoiceSequence()).isEqualTo(3L);

        assertThatThrownBy(() -> stripe.v1().invoices().finalizeInvoice(open.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getStripeError().getMessage()).isEqualTo("This invoice is already finalized, "
                            + "you can't re-finalize a non-draft invoice.");
                });
        assertThatThrownBy(() -> stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setInvoice(open.getId()).setAmount(100L).setCurrency("usd").build()))
                .as("a finalized invoice's lines are fixed").isInstanceOf(InvalidRequestException.class);
        assertThat(invoiceEvents(open)).containsExactly("invoice.finalized", "invoice.created");
    }

    @Test
    void anInvoiceWithNothingDueIsPaidOnFinalizing() throws Exception {
        Invoice paid = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());

        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountDue()).isZero();
        assertThat(paid.getStatusTransitions().getPaidAt()).isNotNull();
        assertThat(paid.getConfirmationSecret()).isNull();
        assertThat(invoiceEvents(paid)).containsExactly("invoice.payment_succeeded", "invoice.paid",
                "invoice.finalized", "invoice.created");
    }

    @Test
    void theCustomersCreditGoesIntoTheAmountDueOnFinalizing() throws Exception {
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setBalance(-500L).build());
        item(2000L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 30L).getId());

        assertThat(open.getStartingBalance()).isEqualTo(-500L);
        assertThat(open.getTotal()).isEqualTo(2000L);
        assertThat(open.getAmountDue()).isEqualTo(1500L);
        assertThat(open.getEndingBalance()).isZero();
        assertThat(intentOf(open).getAmount()).isEqualTo(1500L);
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isZero();

        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setBalance(-3000L).build());
        item(2000L);
        Invoice covered = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 30L).getId());
        assertThat(covered.getAmountDue()).isZero();
        assertThat(covered.getStatus()).as("the credit pays it").isEqualTo("paid");
        assertThat(covered.getEndingBalance()).isEqualTo(-1000L);
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isEqualTo(-1000L);
    }

    @Test
    void payingChargesTheCustomersDefaultPaymentMethod() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        item(4200L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());

        Invoice paid = stripe.v1().invoices().pay(open.getId());

        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountPaid()).isEqualTo(4200L);
        assertThat(paid.getAmountRemaining()).isZero();
        assertThat(paid.getAttempted()).isTrue();
        assertThat(paid.getAttemptCount()).isEqualTo(1L);
        assertThat(paid.getStatusTransitions().getPaidAt()).isNotNull();
        PaymentIntent intent = intentOf(paid);
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getAmountReceived()).isEqualTo(4200L);
        assertThat(paid.getPayments().getData().getFirst().getAmountPaid()).isEqualTo(4200L);
        InvoicePayment payment = stripe.v1().invoicePayments().retrieve(paid.getPayments().getData().getFirst()
                .getId());
        assertThat(payment.getStatus()).isEqualTo("paid");
        assertThat(payment.getAmountPaid()).isEqualTo(4200L);
        assertThat(payment.getPayment().getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(stripe.v1().invoicePayments().list(InvoicePaymentListParams.builder().setInvoice(paid.getId())
                .build()).getData()).extracting(InvoicePayment::getId).containsExactly(payment.getId());
        assertThat(invoiceEvents(paid)).containsExactly("invoice.payment_succeeded", "invoice.paid",
                "invoice.finalized", "invoice.created");
        assertThatThrownBy(() -> stripe.v1().invoices().pay(paid.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).isEqualTo("Invoice is already paid"));
        assertThatThrownBy(() -> stripe.v1().invoices().voidInvoice(paid.getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aDeclineLeavesTheInvoiceOpenAndAnotherCardPaysIt() throws Exception {
        item(1500L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());

        assertThatThrownBy(() -> stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_chargeDeclined").build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("card_declined");
                    assertThat(error.getDeclineCode()).isEqualTo("generic_decline");
                });
        Invoice stillOpen = stripe.v1().invoices().retrieve(open.getId());
        assertThat(stillOpen.getStatus()).isEqualTo("open");
        assertThat(stillOpen.getAttemptCount()).isEqualTo(1L);
        assertThat(stillOpen.getAmountPaid()).isZero();
        assertThat(intentOf(stillOpen).getStatus()).isEqualTo("requires_payment_method");
        assertThat(invoiceEvents(open)).first().isEqualTo("invoice.payment_failed");

        Invoice paid = stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build());
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAttemptCount()).isEqualTo(2L);
    }

    @Test
    void aCardAskingForAuthenticationLeavesTheInvoiceWaitingForItsCustomer() throws Exception {
        defaultPaymentMethod("pm_card_authenticationRequired");
        item(900L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());

        assertThatThrownBy(() -> stripe.v1().invoices().pay(open.getId()))
                .isInstanceOfSatisfying(CardException.class,
                        error -> assertThat(error.getCode()).isEqualTo("authentication_required"));
        assertThat(invoiceEvents(open)).startsWith("invoice.payment_failed", "invoice.payment_action_required");

        assertThatThrownBy(() -> stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder()
                .setOffSession(false).setPaymentMethod("pm_card_authenticationRequired").build()))
                .as("on session, the customer is asked for 3-D Secure")
                .isInstanceOfSatisfying(CardException.class,
                        error -> assertThat(error.getCode()).isEqualTo("invoice_payment_intent_requires_action"));
        Invoice waiting = stripe.v1().invoices().retrieve(open.getId());
        assertThat(waiting.getStatus()).isEqualTo("open");
        PaymentIntent intent = intentOf(waiting);
        assertThat(intent.getStatus()).isEqualTo("requires_action");
        assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");

        var completed = send(request("/sandbox/3ds/" + intent.getId() + "/complete")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("client_secret="
                        + URLEncoder.encode(intent.getClientSecret(), StandardCharsets.UTF_8))));
        assertThat(completed.statusCode()).isEqualTo(200);
        Invoice paid = stripe.v1().invoices().retrieve(open.getId());
        assertThat(paid.getStatus()).as("the customer authenticated: the invoice is paid").isEqualTo("paid");
        assertThat(paid.getAmountPaid()).isEqualTo(900L);
        assertThat(invoiceEvents(paid)).startsWith("invoice.payment_succeeded", "invoice.paid");
    }

    @Test
    void confirmingTheInvoicesPaymentIntentPaysTheInvoice() throws Exception {
        item(650L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 30L).getId());

        stripe.v1().paymentIntents().confirm(intentOf(open).getId(), PaymentIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_visa").build());

        Invoice paid = stripe.v1().invoices().retrieve(open.getId());
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountRemaining()).isZero();
        assertThat(paid.getPayments().getData().getFirst().getStatus()).isEqualTo("paid");
        assertThat(paid.getAttemptCount()).as("no /pay attempt was made").isZero();
    }

    @Test
    void anInvoicePaidOutOfBandIsPaidWithoutACharge() throws Exception {
        item(700L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 14L).getId());

        Invoice paid = stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder().setPaidOutOfBand(true)
                .build());

        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountRemaining()).isZero();
        PaymentIntent intent = intentOf(open);
        assertThat(intent.getStatus()).isEqualTo("canceled");
        assertThat(intent.getLatestCharge()).isNull();
        assertThat(invoiceEvents(paid)).first().isEqualTo("invoice.paid");
    }

    @Test
    void aFinalizedInvoiceKeepsItsAmountsButTakesMetadataAndAPaymentMethod() throws Exception {
        item(2000L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());
        PaymentMethod card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());

        Invoice updated = stripe.v1().invoices().update(open.getId(), InvoiceUpdateParams.builder()
                .putMetadata("order", "42").setDefaultPaymentMethod(card.getId()).build());
        assertThat(updated.getMetadata()).containsEntry("order", "42");
        assertThat(updated.getDefaultPaymentMethod()).isEqualTo(card.getId());
        assertThatThrownBy(() -> stripe.v1().invoices().update(open.getId(), InvoiceUpdateParams.builder()
                .setCollectionMethod(InvoiceUpdateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(3L)
                .build())).isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(400));

        Invoice paid = stripe.v1().invoices().pay(open.getId());
        assertThat(paid.getStatus()).as("the invoice's payment method pays it").isEqualTo("paid");
        assertThat(stripe.v1().paymentIntents().retrieve(paid.getPayments().getData().getFirst().getPayment()
                .getPaymentIntent()).getPaymentMethod()).isEqualTo(card.getId());
    }

    @Test
    void payingWithoutAnyPaymentMethodIsRefused() throws Exception {
        item(700L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());

        assertThatThrownBy(() -> stripe.v1().invoices().pay(open.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(400));
        assertThat(stripe.v1().invoices().retrieve(open.getId()).getStatus()).isEqualTo("open");
    }

    @Test
    void payingADraftFinalizesItFirst() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        item(300L);
        Invoice paid = stripe.v1().invoices().pay(draft(InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY,
                null).getId());

        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getNumber()).endsWith("-0001");
    }

    @Test
    void voidingAnOpenInvoiceCancelsItsPaymentIntent() throws Exception {
        item(800L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 30L).getId());

        Invoice voided = stripe.v1().invoices().voidInvoice(open.getId());

        assertThat(voided.getStatus()).isEqualTo("void");
        assertThat(voided.getStatusTransitions().getVoidedAt()).isNotNull();
        assertThat(intentOf(open).getStatus()).isEqualTo("canceled");
        assertThat(stripe.v1().invoicePayments().list(InvoicePaymentListParams.builder().setInvoice(open.getId())
                .build()).getData()).singleElement().satisfies(payment -> {
                    assertThat(payment.getStatus()).isEqualTo("canceled");
                    assertThat(payment.getStatusTransitions().getCanceledAt()).isNotNull();
                });
        assertThat(invoiceEvents(voided)).first().isEqualTo("invoice.voided");
        assertThatThrownBy(() -> stripe.v1().invoices().pay(voided.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> stripe.v1().invoices().voidInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId()))
                .as("a draft is deleted, not voided").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anUncollectibleInvoiceCanStillBePaidOrVoided() throws Exception {
        item(1200L);
        Invoice first = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 30L).getId());
        item(1300L);
        Invoice second = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .SEND_INVOICE, 30L).getId());

        Invoice uncollectible = stripe.v1().invoices().markUncollectible(first.getId());
        assertThat(uncollectible.getStatus()).isEqualTo("uncollectible");
        assertThat(uncollectible.getStatusTransitions().getMarkedUncollectibleAt()).isNotNull();
        assertThat(invoiceEvents(first)).first().isEqualTo("invoice.marked_uncollectible");
        assertThatThrownBy(() -> stripe.v1().invoices().markUncollectible(first.getId()))
                .isInstanceOf(InvalidRequestException.class);

        assertThatThrownBy(() -> stripe.v1().invoices().pay(first.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_chargeDeclined").build())).isInstanceOf(CardException.class);
        assertThat(stripe.v1().invoices().retrieve(first.getId()).getStatus()).isEqualTo("uncollectible");
        assertThat(stripe.v1().invoices().pay(first.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build()).getStatus()).isEqualTo("paid");

        stripe.v1().invoices().markUncollectible(second.getId());
        assertThat(stripe.v1().invoices().voidInvoice(second.getId()).getStatus()).isEqualTo("void");
    }

    @Test
    void sendingIsForSendInvoiceInvoicesAndFinalizesADraft() throws Exception {
        item(500L);
        Invoice sent = stripe.v1().invoices().sendInvoice(draft(InvoiceCreateParams.CollectionMethod.SEND_INVOICE,
                7L).getId());

        assertThat(sent.getStatus()).isEqualTo("open");
        assertThat(sent.getNumber()).isNotNull();
        assertThat(invoiceEvents(sent)).containsExactly("invoice.sent", "invoice.finalized", "invoice.created");

        item(500L);
        Invoice automatic = stripe.v1().invoices().finalizeInvoice(draft(InvoiceCreateParams.CollectionMethod
                .CHARGE_AUTOMATICALLY, null).getId());
        assertThatThrownBy(() -> stripe.v1().invoices().sendInvoice(automatic.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("send_invoice"));
    }

    private void item(long amount) throws Exception {
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setAmount(amount).setCurrency("usd").build());
    }

    private Invoice draft(InvoiceCreateParams.CollectionMethod method, Long daysUntilDue) throws Exception {
        InvoiceCreateParams.Builder params = InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(method)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE);
        if (daysUntilDue != null) {
            params.setDaysUntilDue(daysUntilDue);
        }
        return stripe.v1().invoices().create(params.build());
    }

    private void defaultPaymentMethod(String token) throws Exception {
        PaymentMethod attached = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(attached.getId()).build())
                .build());
    }

    private PaymentIntent intentOf(Invoice invoice) throws Exception {
        return stripe.v1().paymentIntents().retrieve(invoice.getPayments().getData().getFirst().getPayment()
                .getPaymentIntent());
    }

    /** The invoice's events, newest first. */
    private List<String> invoiceEvents(Invoice invoice) throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setType("invoice.*").setLimit(100L).build())
                .getData().stream()
                .filter(event -> invoice.getId().equals(((Invoice) event.getDataObjectDeserializer().getObject()
                        .orElseThrow()).getId()))
                .map(Event::getType).toList();
    }
}
