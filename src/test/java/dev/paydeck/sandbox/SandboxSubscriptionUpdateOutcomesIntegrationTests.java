package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How some subscription updates end, through stripe-java: {@code payment_behavior=error_if_incomplete} refuses a
 * change whose payment fails (402, the subscription left as it was), and a {@code cancel_at} within the current
 * period cuts it short with a credit for the unused time, as Stripe does.
 */
class SandboxSubscriptionUpdateOutcomesIntegrationTests extends SandboxTest {

    @Autowired
    private List<ClockWork> clockWorks;
    @Autowired
    private SandboxAccounts accounts;

    private Customer customer;
    private Price basic;

    @BeforeEach
    void customerAndPrice() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
        defaultPaymentMethod("pm_card_visa");
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Basic").build());
        basic = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
    }

    @Test
    void errorIfIncompleteRefusesAnUpdateWhosePaymentFailsAndLeavesTheSubscriptionAsItWas() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build()).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        defaultPaymentMethod("pm_card_chargeCustomerFail");

        assertThatThrownBy(() -> stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(3L)
                        .build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.ERROR_IF_INCOMPLETE).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("card_declined");
                });

        Subscription after = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(after.getStatus()).isEqualTo("active");
        assertThat(after.getLatestInvoice()).isEqualTo(subscription.getLatestInvoice());
        assertThat(after.getItems().getData()).singleElement()
                .satisfies(kept -> assertThat(kept.getQuantity()).isEqualTo(1L));
        assertThat(stripe.v1().subscriptionItems().retrieve(item.getId()).getQuantity()).isEqualTo(1L);

        // allow_incomplete (the default) makes the change and leaves the subscription past due.
        Subscription changed = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(3L)
                        .build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE).build());
        assertThat(changed.getStatus()).isEqualTo("past_due");
        assertThat(changed.getItems().getData().getFirst().getQuantity()).isEqualTo(3L);
    }

    @Test
    void cancelAtWithinThePeriodCutsItShortAndCreditsTheUnusedTime() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build()).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        long start = item.getCurrentPeriodStart();
        long end = item.getCurrentPeriodEnd();
        long halfway = start + (end - start) / 2;

        Subscription canceling = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setCancelAt(halfway).build());

        assertThat(canceling.getCancelAt()).isEqualTo(halfway);
        assertThat(canceling.getItems().getData()).singleElement().satisfies(cut -> {
            assertThat(cut.getCurrentPeriodStart()).isEqualTo(start);
            assertThat(cut.getCurrentPeriodEnd()).as("the period ends when the subscription does").isEqualTo(halfway);
        });
        List<InvoiceItem> pending = stripe.v1().invoiceItems().list(InvoiceItemListParams.builder()
                .setCustomer(customer.getId()).setPending(true).build()).getData();
        assertThat(pending).singleElement().satisfies(credit -> {
            assertThat(credit.getProration()).isTrue();
            assertThat(credit.getAmount()).isEqualTo(-Math.round(1000.0 * (end - halfway) / (end - start)));
            assertThat(credit.getDescription()).startsWith("Unused time on Basic after ");
            assertThat(credit.getPeriod().getStart()).isEqualTo(halfway);
            assertThat(credit.getPeriod().getEnd()).isEqualTo(end);
        });

        runDue(halfway);

        Subscription ended = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(ended.getStatus()).isEqualTo("canceled");
        assertThat(ended.getEndedAt()).isEqualTo(halfway);
        List<Invoice> invoices = stripe.v1().invoices().list(com.stripe.param.InvoiceListParams.builder()
                .setSubscription(subscription.getId()).build()).getData();
        assertThat(invoices).as("no renewal at the cut").hasSize(1);
    }

    @Test
    void removingACancelAtThatCutThePeriodGivesItsEndBackAndChargesThatTimeAgain() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build()).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        long start = item.getCurrentPeriodStart();
        long end = item.getCurrentPeriodEnd();
        long halfway = start + (end - start) / 2;
        stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .setCancelAt(halfway).build());

        Subscription renewing = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setCancelAt(com.stripe.param.common.EmptyParam.EMPTY).build());

        assertThat(renewing.getCancelAt()).isNull();
        assertThat(renewing.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(end);
        List<InvoiceItem> pending = stripe.v1().invoiceItems().list(InvoiceItemListParams.builder()
                .setCustomer(customer.getId()).setPending(true).build()).getData();
        long share = Math.round(1000.0 * (end - halfway) / (end - start));
        assertThat(pending).extracting(InvoiceItem::getAmount).containsExactlyInAnyOrder(-share, share);
        assertThat(pending).extracting(InvoiceItem::getDescription)
                .anySatisfy(description -> assertThat(description).startsWith("Remaining time on Basic after "));

        runDue(end);
        Subscription renewed = stripe.v1().subscriptions().retrieve(subscription.getId(),
                com.stripe.param.SubscriptionRetrieveParams.builder().addExpand("latest_invoice").build());
        assertThat(renewed.getStatus()).isEqualTo("active");
        assertThat(renewed.getLatestInvoiceObject().getTotal()).as("the new period, the prorations even")
                .isEqualTo(1000L);
    }

    @Test
    void aNewSubscriptionCanceledWithinItsFirstPeriodIsBilledForThatShareOfIt() throws Exception {
        long cancelAt = java.time.Instant.now().getEpochSecond() + 10 * 86_400L;

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build()).setCancelAt(cancelAt).addExpand("latest_invoice").build());

        long start = subscription.getStartDate();
        long wholeEnd = java.time.Instant.ofEpochSecond(start).atZone(java.time.ZoneOffset.UTC).plusMonths(1)
                .toEpochSecond();
        assertThat(subscription.getCancelAt()).isEqualTo(cancelAt);
        assertThat(subscription.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(cancelAt);
        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getTotal()).as("the ten days of the month it lasts")
                .isEqualTo(Math.round(1000.0 * (cancelAt - start) / (wholeEnd - start)));
        assertThat(first.getLines().getData().getFirst().getPeriod().getEnd()).isEqualTo(cancelAt);
    }

    @Test
    void cancelAtWithProrationBehaviorNoneCreditsNothing() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build()).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        long halfway = item.getCurrentPeriodStart() + (item.getCurrentPeriodEnd() - item.getCurrentPeriodStart()) / 2;

        Subscription canceling = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setCancelAt(halfway).setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                .build());

        assertThat(canceling.getCancelAt()).isEqualTo(halfway);
        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setCustomer(customer.getId())
                .setPending(true).build()).getData()).isEmpty();
    }

    private void defaultPaymentMethod(String token) throws Exception {
        PaymentMethod attached = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(attached.getId()).build())
                .build());
    }

    private void runDue(long at) {
        String accountId = accounts.byKey(secretKey).orElseThrow().id();
        clockWorks.forEach(work -> work.runDue(accountId, null, at));
    }
}
