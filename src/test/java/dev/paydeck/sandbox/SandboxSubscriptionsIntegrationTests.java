package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionItemListParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionResumeParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.SubscriptionUpdateParams;
import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subscriptions through stripe-java: their first invoice by payment behaviour, trials, changes with prorations, the
 * invoice preview, cancellation, and what time does to them (renewals, retries, trials' ends), moved here by calling
 * the sandbox's {@link ClockWork}s for customers on no test clock as a test clock's advance would.
 */
class SandboxSubscriptionsIntegrationTests extends SandboxTest {

    private static final long DAY = 86_400;

    @Autowired
    private List<ClockWork> clockWorks;
    @Autowired
    private SandboxAccounts accounts;

    private Customer customer;
    private Price basic;
    private Price premium;

    @BeforeEach
    void customerAndPrices() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").build());
        basic = monthly("Basic", 1000L);
        premium = monthly("Premium", 2000L);
    }

    @Test
    void aSubscriptionIsActiveOnceItsFirstInvoiceIsPaidWithTheCustomersDefaultCard() throws Exception {
        defaultPaymentMethod("pm_card_visa");

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 2L)).putMetadata("plan", "team")
                .addExpand("latest_invoice").build());

        assertThat(subscription.getId()).startsWith("sub_");
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getCollectionMethod()).isEqualTo("charge_automatically");
        assertThat(subscription.getMetadata()).containsEntry("plan", "team");
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        assertThat(item.getId()).startsWith("si_");
        assertThat(item.getQuantity()).isEqualTo(2L);
        assertThat(item.getPrice().getId()).isEqualTo(basic.getId());
        assertThat(item.getCurrentPeriodStart()).isEqualTo(subscription.getStartDate())
                .isEqualTo(subscription.getBillingCycleAnchor());
        assertThat(item.getCurrentPeriodEnd() - item.getCurrentPeriodStart()).as("a month")
                .isBetween(28 * DAY, 31 * DAY);
        Invoice invoice = subscription.getLatestInvoiceObject();
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getBillingReason()).isEqualTo("subscription_create");
        assertThat(invoice.getAmountPaid()).isEqualTo(2000L);
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
        assertThat(invoice.getParent().getSubscriptionDetails().getMetadata()).containsEntry("plan", "team");
        InvoiceLineItem line = invoice.getLines().getData().getFirst();
        assertThat(line.getParent().getType()).isEqualTo("subscription_item_details");
        assertThat(line.getParent().getSubscriptionItemDetails().getSubscriptionItem()).isEqualTo(item.getId());
        assertThat(line.getDescription()).isEqualTo("2 × Basic (at $10.00 / month)");
        assertThat(line.getPeriod().getStart()).isEqualTo(item.getCurrentPeriodStart());
        assertThat(line.getPeriod().getEnd()).isEqualTo(item.getCurrentPeriodEnd());

        assertThat(stripe.v1().subscriptionItems().retrieve(item.getId()).getQuantity()).isEqualTo(2L);
        assertThat(stripe.v1().subscriptionItems().list(SubscriptionItemListParams.builder()
                .setSubscription(subscription.getId()).build()).getData()).extracting(SubscriptionItem::getId)
                .containsExactly(item.getId());
        assertThat(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer.getId())
                .setPrice(basic.getId()).build()).getData()).extracting(Subscription::getId)
                .containsExactly(subscription.getId());
        assertThat(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setPrice(premium.getId())
                .build()).getData()).isEmpty();
        assertThat(stripe.v1().subscriptions().search(com.stripe.param.SubscriptionSearchParams.builder()
                .setQuery("status:'active' AND metadata['plan']:'team'").build()).getData())
                .extracting(Subscription::getId).containsExactly(subscription.getId());
        assertThat(subscriptionEvents(subscription)).containsExactly("customer.subscription.created");
    }

    @Test
    void aTrialBillsNothingFirstAndWarnsThreeDaysBeforeItEndsIntoPastDueWithoutAPaymentMethod() throws Exception {
        Subscription trialing = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).setTrialPeriodDays(14L)
                .addExpand("latest_invoice").build());

        assertThat(trialing.getStatus()).isEqualTo("trialing");
        assertThat(trialing.getTrialEnd()).isEqualTo(trialing.getTrialStart() + 14 * DAY);
        assertThat(trialing.getBillingCycleAnchor()).isEqualTo(trialing.getTrialEnd());
        assertThat(trialing.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(trialing.getTrialEnd());
        assertThat(trialing.getLatestInvoiceObject().getStatus()).isEqualTo("paid");
        assertThat(trialing.getLatestInvoiceObject().getAmountDue()).isZero();
        assertThat(trialing.getLatestInvoiceObject().getLines().getData().getFirst().getDescription())
                .isEqualTo("Trial period for Basic");

        long warning = trialing.getTrialEnd() - 3 * DAY;
        assertThat(nextDue(trialing.getStartDate(), trialing.getTrialEnd() + 40 * DAY)).hasValue(warning);
        runDue(warning);
        assertThat(subscriptionEvents(trialing)).first().isEqualTo("customer.subscription.trial_will_end");
        assertThat(nextDue(warning, trialing.getTrialEnd() + 40 * DAY)).hasValue(trialing.getTrialEnd());

        runDue(trialing.getTrialEnd());

        Subscription ended = retrieveWithInvoice(trialing.getId());
        assertThat(ended.getStatus()).as("no payment method: the invoice stays open").isEqualTo("past_due");
        assertThat(ended.getItems().getData().getFirst().getCurrentPeriodStart()).isEqualTo(trialing.getTrialEnd());
        Invoice invoice = ended.getLatestInvoiceObject();
        assertThat(invoice.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(invoice.getStatus()).isEqualTo("open");
        assertThat(invoice.getAmountDue()).isEqualTo(1000L);
        assertThat(invoice.getAttemptCount()).isEqualTo(1L);
        assertThat(invoice.getNextPaymentAttempt()).isEqualTo(trialing.getTrialEnd() + 3 * DAY);
        Event updated = events("customer.subscription.updated").getFirst();
        assertThat(previous(updated, "status")).isEqualTo("trialing");
    }

    @Test
    void aTrialWithoutAPaymentMethodCanPauseAndBeResumed() throws Exception {
        Subscription trialing = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).setTrialPeriodDays(7L)
                .setTrialSettings(SubscriptionCreateParams.TrialSettings.builder().setEndBehavior(
                        SubscriptionCreateParams.TrialSettings.EndBehavior.builder().setMissingPaymentMethod(
                                SubscriptionCreateParams.TrialSettings.EndBehavior.MissingPaymentMethod.PAUSE)
                                .build()).build()).build());

        runDue(trialing.getTrialEnd());

        assertThat(stripe.v1().subscriptions().retrieve(trialing.getId()).getStatus()).isEqualTo("paused");
        assertThat(subscriptionEvents(trialing)).contains("customer.subscription.paused");
        defaultPaymentMethod("pm_card_visa");
        Subscription resumed = stripe.v1().subscriptions().resume(trialing.getId(), SubscriptionResumeParams
                .builder().build());
        assertThat(resumed.getStatus()).isEqualTo("active");
        assertThat(subscriptionEvents(trialing)).first().isEqualTo("customer.subscription.resumed");
        assertThatThrownBy(() -> stripe.v1().subscriptions().resume(trialing.getId(), SubscriptionResumeParams
                .builder().build())).hasMessageContaining("Only paused subscriptions can be resumed.");
    }

    @Test
    void defaultIncompleteLeavesTheFirstPaymentToConfirmWithTheInvoicesConfirmationSecret() throws Exception {
        Subscription incomplete = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(premium, 1L))
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                .setPaymentSettings(SubscriptionCreateParams.PaymentSettings.builder().setSaveDefaultPaymentMethod(
                        SubscriptionCreateParams.PaymentSettings.SaveDefaultPaymentMethod.ON_SUBSCRIPTION).build())
                .addExpand("latest_invoice.confirmation_secret").build());

        assertThat(incomplete.getStatus()).isEqualTo("incomplete");
        Invoice invoice = incomplete.getLatestInvoiceObject();
        assertThat(invoice.getStatus()).isEqualTo("open");
        String clientSecret = invoice.getConfirmationSecret().getClientSecret();
        String intentId = clientSecret.substring(0, clientSecret.indexOf("_secret_"));
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(intentId);
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(intent.getAmount()).isEqualTo(2000L);

        stripe.v1().paymentIntents().confirm(intentId, PaymentIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_visa").build());

        Subscription active = retrieveWithInvoice(incomplete.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(active.getLatestInvoiceObject().getStatus()).isEqualTo("paid");
        assertThat(subscriptionEvents(incomplete)).containsExactly("customer.subscription.updated",
                "customer.subscription.created");
        assertThat(previous(events("customer.subscription.updated").getFirst(), "status")).isEqualTo("incomplete");
        assertThat(active.getDefaultPaymentMethod()).as("save_default_payment_method=on_subscription")
                .isEqualTo(stripe.v1().paymentIntents().retrieve(intentId).getPaymentMethod());
    }

    @Test
    void aTrialEndsIntoAnActiveSubscriptionChargedForItsFirstPeriod() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        long trialEnd = java.time.Instant.now().getEpochSecond() + 10 * DAY;
        Subscription trialing = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).setTrialEnd(trialEnd).build());
        assertThat(trialing.getStatus()).isEqualTo("trialing");
        assertThat(trialing.getTrialEnd()).isEqualTo(trialEnd);

        runDue(trialEnd);

        Subscription active = retrieveWithInvoice(trialing.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(active.getItems().getData().getFirst().getCurrentPeriodStart()).isEqualTo(trialEnd);
        assertThat(active.getLatestInvoiceObject().getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(active.getLatestInvoiceObject().getAmountPaid()).isEqualTo(1000L);
        assertThat(subscriptionEvents(trialing)).containsExactly("customer.subscription.updated",
                "customer.subscription.trial_will_end", "customer.subscription.created");
    }

    @Test
    void trialEndNowEndsTheTrialAtOnceAndStartsTheBillingCycleThere() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription trialing = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(premium, 1L)).setTrialPeriodDays(30L).build());

        Subscription active = stripe.v1().subscriptions().update(trialing.getId(), SubscriptionUpdateParams
                .builder().setTrialEnd(SubscriptionUpdateParams.TrialEnd.NOW).addExpand("latest_invoice").build());

        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(active.getBillingCycleAnchor()).isEqualTo(active.getItems().getData().getFirst()
                .getCurrentPeriodStart()).isLessThan(trialing.getTrialEnd());
        assertThat(active.getTrialEnd()).isEqualTo(active.getBillingCycleAnchor());
        assertThat(active.getLatestInvoiceObject().getBillingReason()).isEqualTo("subscription_update");
        assertThat(active.getLatestInvoiceObject().getAmountPaid()).isEqualTo(2000L);
    }

    @Test
    void aFutureBillingCycleAnchorBillsTheShareOfAPeriodUntilIt() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        long anchor = java.time.Instant.now().getEpochSecond() + 10 * DAY;
        long monthBefore = java.time.Instant.ofEpochSecond(anchor).atZone(java.time.ZoneOffset.UTC).minusMonths(1)
                .toEpochSecond();

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).setBillingCycleAnchor(anchor)
                .addExpand("latest_invoice").build());

        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getBillingCycleAnchor()).isEqualTo(anchor);
        assertThat(subscription.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(anchor);
        long start = subscription.getStartDate();
        assertThat(subscription.getLatestInvoiceObject().getAmountPaid())
                .isEqualTo(Math.round(1000.0 * (anchor - start) / (anchor - monthBefore)));
        assertThat(subscription.getLatestInvoiceObject().getLines().getData().getFirst().getDescription())
                .startsWith("Remaining time on Basic after ");

        runDue(anchor);

        Subscription renewed = retrieveWithInvoice(subscription.getId());
        assertThat(renewed.getLatestInvoiceObject().getAmountPaid()).isEqualTo(1000L);
        assertThat(renewed.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(java.time.Instant
                .ofEpochSecond(anchor).atZone(java.time.ZoneOffset.UTC).plusMonths(1).toEpochSecond());
    }

    @Test
    void errorIfIncompleteAnswersADeclineWithTheCardErrorAndMakesNoSubscription() throws Exception {
        defaultPaymentMethod("pm_card_chargeCustomerFail");

        assertThatThrownBy(() -> stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L))
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.ERROR_IF_INCOMPLETE).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("card_declined");
                });

        assertThat(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer.getId())
                .setStatus(SubscriptionListParams.Status.ALL).build()).getData()).isEmpty();
        assertThat(events("customer.subscription.created")).isEmpty();

        Subscription incomplete = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        assertThat(incomplete.getStatus()).as("allow_incomplete keeps it, to pay later").isEqualTo("incomplete");
    }

    @Test
    void aMidPeriodUpgradeIsProratedAsStripesExampleAndPreviewedFirst() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        long halfway = item.getCurrentPeriodStart() + (item.getCurrentPeriodEnd() - item.getCurrentPeriodStart()) / 2;
        long start = item.getCurrentPeriodStart();
        long end = item.getCurrentPeriodEnd();
        // Stripe's prorations guide: from 10 USD to 20 USD halfway, -5 USD unused time, +10 USD remaining time.
        long credit = -Math.round(1000.0 * (end - halfway) / (end - start));
        long charge = Math.round(2000.0 * (end - halfway) / (end - start));
        assertThat(credit).isEqualTo(-500L);
        assertThat(charge).isEqualTo(1000L);

        Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setCustomer(customer.getId()).setSubscription(subscription.getId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(item.getId())
                                .setPrice(premium.getId()).build())
                        .setProrationDate(halfway).build()).build());

        assertThat(preview.getLines().getData()).extracting(InvoiceLineItem::getAmount)
                .containsExactly(credit, charge, 2000L);
        assertThat(preview.getLines().getData().getFirst().getDescription()).startsWith("Unused time on Basic after ");
        assertThat(preview.getLines().getData().get(1).getDescription()).startsWith("Remaining time on Premium after ");
        // Stripe's reference: the prorations are the lines whose parent.subscription_item_details.proration is true.
        assertThat(preview.getLines().getData()).extracting(line -> line.getParent().getSubscriptionItemDetails()
                .getProration()).containsExactly(true, true, false);
        assertThat(preview.getLines().getData()).extracting(line -> line.getParent().getSubscriptionItemDetails()
                .getSubscriptionItem()).containsOnly(item.getId());
        assertThat(preview.getId()).startsWith("upcoming_in_");
        assertThat(preview.getLines().getData()).allSatisfy(line -> assertThat(line.getId()).startsWith("il_tmp_"));
        assertThat(preview.getLines().getData().get(2).getPeriod().getStart()).isEqualTo(end);
        assertThat(preview.getTotal()).isEqualTo(2500L);
        assertThat(preview.getBillingReason()).isEqualTo("upcoming");
        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setCustomer(customer.getId())
                .build()).getData()).as("a preview stores nothing").isEmpty();

        Subscription upgraded = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId())
                        .setPrice(premium.getId()).build()).setProrationDate(halfway).build());

        assertThat(upgraded.getItems().getData()).singleElement().satisfies(changed -> {
            assertThat(changed.getId()).isEqualTo(item.getId());
            assertThat(changed.getPrice().getId()).isEqualTo(premium.getId());
        });
        List<InvoiceItem> pending = stripe.v1().invoiceItems().list(InvoiceItemListParams.builder()
                .setCustomer(customer.getId()).setPending(true).build()).getData();
        assertThat(pending).extracting(InvoiceItem::getAmount).containsExactlyInAnyOrder(credit, charge);
        assertThat(pending).allSatisfy(proration -> {
            assertThat(proration.getProration()).isTrue();
            assertThat(proration.getPeriod().getStart()).isEqualTo(halfway);
            assertThat(proration.getPeriod().getEnd()).isEqualTo(end);
            assertThat(proration.getParent().getSubscriptionDetails().getSubscription())
                    .isEqualTo(subscription.getId());
        });
        assertThat(previous(events("customer.subscription.updated").getFirst(), "items")).isNotNull();

        runDue(end);

        Invoice renewal = retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject();
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getStatus()).isEqualTo("paid");
        assertThat(renewal.getTotal()).as("the prorations with the new period").isEqualTo(2500L);
    }

    @Test
    void subscriptionItemsAreAddedChangedAndRemovedOneByOne() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        Price seats = monthly("Seats", 500L);

        SubscriptionItem added = stripe.v1().subscriptionItems().create(com.stripe.param.SubscriptionItemCreateParams
                .builder().setSubscription(subscription.getId()).setPrice(seats.getId()).setQuantity(3L)
                .setProrationBehavior(com.stripe.param.SubscriptionItemCreateParams.ProrationBehavior.NONE).build());
        assertThat(added.getSubscription()).isEqualTo(subscription.getId());
        assertThat(added.getQuantity()).isEqualTo(3L);
        SubscriptionItem changed = stripe.v1().subscriptionItems().update(added.getId(),
                com.stripe.param.SubscriptionItemUpdateParams.builder().setQuantity(5L).setProrationBehavior(
                        com.stripe.param.SubscriptionItemUpdateParams.ProrationBehavior.NONE).build());
        assertThat(changed.getQuantity()).isEqualTo(5L);
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getItems().getData())
                .extracting(SubscriptionItem::getQuantity).containsExactly(1L, 5L);
        assertThatThrownBy(() -> stripe.v1().subscriptionItems().create(com.stripe.param.SubscriptionItemCreateParams
                .builder().setSubscription(subscription.getId()).setPrice(seats.getId()).build()))
                .hasMessageContaining("Cannot add multiple subscription items with the same price");

        assertThat(stripe.v1().subscriptionItems().delete(added.getId(), com.stripe.param
                .SubscriptionItemDeleteParams.builder().setProrationBehavior(com.stripe.param
                        .SubscriptionItemDeleteParams.ProrationBehavior.NONE).build()).getDeleted()).isTrue();
        assertThat(stripe.v1().subscriptionItems().list(SubscriptionItemListParams.builder()
                .setSubscription(subscription.getId()).build()).getData()).extracting(SubscriptionItem::getId)
                .containsExactly(subscription.getItems().getData().getFirst().getId());
        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setCustomer(customer.getId())
                .build()).getData()).as("proration_behavior=none").isEmpty();
        assertThatThrownBy(() -> stripe.v1().subscriptionItems().delete(subscription.getItems().getData()
                .getFirst().getId())).hasMessageContaining("at least one item");
    }

    @Test
    void alwaysInvoiceChargesTheProrationsAtOnce() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        long halfway = item.getCurrentPeriodStart() + (item.getCurrentPeriodEnd() - item.getCurrentPeriodStart()) / 2;

        Subscription upgraded = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(3L)
                        .build()).setProrationDate(halfway)
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .addExpand("latest_invoice").build());

        Invoice invoice = upgraded.getLatestInvoiceObject();
        assertThat(invoice.getBillingReason()).isEqualTo("subscription_update");
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getTotal()).as("-5 USD + 15 USD").isEqualTo(1000L);
        assertThat(upgraded.getStatus()).isEqualTo("active");

        Subscription pending = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(4L)
                        .build()).setProrationDate(halfway)
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                .addExpand("latest_invoice").build());
        assertThat(pending.getLatestInvoiceObject().getStatus()).as("left to pay").isEqualTo("open");
        assertThat(pending.getLatestInvoiceObject().getAmountDue()).isEqualTo(500L);
        assertThat(pending.getStatus()).isEqualTo("active");
    }

    @Test
    void cancelAtPeriodEndEndsTheSubscriptionWhenItsPeriodDoesWithoutRenewing() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        long end = subscription.getItems().getData().getFirst().getCurrentPeriodEnd();

        Subscription ending = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setCancelAtPeriodEnd(true).build());
        assertThat(ending.getCancelAtPeriodEnd()).isTrue();
        assertThat(ending.getCancelAt()).isEqualTo(end);
        assertThat(ending.getStatus()).isEqualTo("active");

        runDue(end);

        Subscription canceled = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getEndedAt()).isEqualTo(end);
        assertThat(canceled.getLatestInvoice()).as("no renewal").isEqualTo(subscription.getLatestInvoice());
        assertThat(subscriptionEvents(subscription)).containsExactly("customer.subscription.deleted",
                "customer.subscription.updated", "customer.subscription.created");
        assertThat(nextDue(end, end + 90 * DAY)).isEmpty();
        assertThat(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer.getId())
                .build()).getData()).as("canceled ones are listed only when asked").isEmpty();
    }

    @Test
    void cancelingNowEndsItAtOnceAndCanCreditTheUnusedTime() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());

        Subscription canceled = stripe.v1().subscriptions().cancel(subscription.getId(), SubscriptionCancelParams
                .builder().setProrate(true).setCancellationDetails(SubscriptionCancelParams.CancellationDetails
                        .builder().setComment("Too dear").build()).build());

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCanceledAt()).isNotNull();
        assertThat(canceled.getEndedAt()).isEqualTo(canceled.getCanceledAt());
        assertThat(canceled.getCancellationDetails().getReason()).isEqualTo("cancellation_requested");
        assertThat(canceled.getCancellationDetails().getComment()).isEqualTo("Too dear");
        List<InvoiceItem> credit = stripe.v1().invoiceItems().list(InvoiceItemListParams.builder()
                .setCustomer(customer.getId()).build()).getData();
        assertThat(credit).singleElement().satisfies(item -> {
            assertThat(item.getAmount()).isBetween(-1000L, -990L);
            assertThat(item.getProration()).isTrue();
        });
        assertThat(subscriptionEvents(subscription)).first().isEqualTo("customer.subscription.deleted");
        assertThatThrownBy(() -> stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setCancelAtPeriodEnd(true).build()))
                .hasMessageContaining("A canceled subscription can only update its cancellation_details and "
                        + "metadata.");
        assertThat(stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .putMetadata("reason", "price").build()).getMetadata()).containsEntry("reason", "price");
        String itemId = subscription.getItems().getData().getFirst().getId();
        assertThatThrownBy(() -> stripe.v1().subscriptionItems().update(itemId,
                com.stripe.param.SubscriptionItemUpdateParams.builder().setQuantity(5L).build()))
                .isInstanceOfSatisfying(com.stripe.exception.InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> stripe.v1().subscriptions().cancel(subscription.getId()))
                .hasMessageContaining("already canceled");
    }

    @Test
    void cancelingWithInvoiceNowAndProrateInvoicesTheCreditAtOnceToTheCustomersBalance() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());

        Subscription canceled = stripe.v1().subscriptions().cancel(subscription.getId(), SubscriptionCancelParams
                .builder().setProrate(true).setInvoiceNow(true).addExpand("latest_invoice").build());

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        Invoice last = canceled.getLatestInvoiceObject();
        assertThat(last.getId()).isNotEqualTo(subscription.getLatestInvoice());
        assertThat(last.getTotal()).isBetween(-1000L, -990L);
        assertThat(last.getAmountDue()).isZero();
        assertThat(last.getStatus()).isEqualTo("paid");
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isEqualTo(last.getTotal());
    }

    @Test
    void aFailedRenewalIsRetriedOnTheScheduleAndTheSubscriptionIsActiveAgainOncePaid() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        long end = subscription.getItems().getData().getFirst().getCurrentPeriodEnd();
        defaultPaymentMethod("pm_card_chargeCustomerFail");
        assertThat(nextDue(subscription.getStartDate(), end + 90 * DAY)).as("invoice.upcoming, a week before")
                .hasValue(end - 7 * DAY);
        runDue(end - 7 * DAY);
        assertThat(nextDue(end - 7 * DAY, end + 90 * DAY)).hasValue(end);

        runDue(end);

        Subscription pastDue = retrieveWithInvoice(subscription.getId());
        assertThat(pastDue.getStatus()).isEqualTo("past_due");
        Invoice renewal = pastDue.getLatestInvoiceObject();
        assertThat(renewal.getStatus()).isEqualTo("open");
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getPeriodStart()).isEqualTo(end);
        long firstRetry = end + 3 * DAY;
        assertThat(renewal.getNextPaymentAttempt()).isEqualTo(firstRetry);
        assertThat(nextDue(end, end + 90 * DAY)).hasValue(firstRetry);

        runDue(firstRetry);

        Invoice stillOpen = stripe.v1().invoices().retrieve(renewal.getId());
        assertThat(stillOpen.getAttemptCount()).isEqualTo(2L);
        assertThat(stillOpen.getNextPaymentAttempt()).isEqualTo(firstRetry + 5 * DAY);
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("past_due");

        defaultPaymentMethod("pm_card_visa");
        runDue(firstRetry + 5 * DAY);

        Subscription active = retrieveWithInvoice(subscription.getId());
        assertThat(active.getStatus()).isEqualTo("active");
        assertThat(active.getLatestInvoiceObject().getStatus()).isEqualTo("paid");
        assertThat(active.getLatestInvoiceObject().getAttemptCount()).isEqualTo(3L);
        Event reactivated = events("customer.subscription.updated").getFirst();
        assertThat(previous(reactivated, "status")).isEqualTo("past_due");
        assertThat(invoiceEvents(renewal.getId())).containsExactly("invoice.payment_succeeded", "invoice.paid",
                "invoice.payment_failed", "invoice.payment_failed", "invoice.finalized", "invoice.created");
        assertThat(nextDue(firstRetry + 5 * DAY, end + 90 * DAY)).as("the next renewal's invoice.upcoming")
                .hasValue(active.getItems().getData().getFirst().getCurrentPeriodEnd() - 7 * DAY);
    }

    @Test
    void afterTheLastRetryFailsTheSubscriptionIsCanceled() throws Exception {
        defaultPaymentMethod("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        long end = subscription.getItems().getData().getFirst().getCurrentPeriodEnd();
        defaultPaymentMethod("pm_card_chargeCustomerFail");

        runDue(end + 20 * DAY);

        Subscription canceled = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getEndedAt()).as("3 + 5 + 7 days after the failed renewal").isEqualTo(end + 15 * DAY);
        assertThat(canceled.getCancellationDetails().getReason()).isEqualTo("payment_failed");
        Invoice invoice = stripe.v1().invoices().retrieve(canceled.getLatestInvoice());
        assertThat(invoice.getAttemptCount()).isEqualTo(4L);
        assertThat(invoice.getNextPaymentAttempt()).isNull();
    }

    @Test
    void sendInvoiceSubscriptionsAreActiveWithTheirInvoiceDueInTheGivenDays() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L))
                .setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
                .addExpand("latest_invoice").build());

        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getDaysUntilDue()).isEqualTo(30L);
        Invoice invoice = subscription.getLatestInvoiceObject();
        assertThat(invoice.getStatus()).isEqualTo("open");
        assertThat(invoice.getCollectionMethod()).isEqualTo("send_invoice");
        assertThat(invoice.getDueDate()).isEqualTo(invoice.getStatusTransitions().getFinalizedAt() + 30 * DAY);
        assertThatThrownBy(() -> stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L))
                .setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE).build()))
                .hasMessageContaining("days_until_due");
    }

    @Test
    void anIncompleteSubscriptionExpiresTwentyThreeHoursLaterWithItsInvoiceVoided() throws Exception {
        defaultPaymentMethod("pm_card_chargeCustomerFail");
        Subscription incomplete = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L)).build());
        assertThat(incomplete.getStatus()).isEqualTo("incomplete");
        assertThatThrownBy(() -> stripe.v1().subscriptions().update(incomplete.getId(), SubscriptionUpdateParams
                .builder().setCancelAtPeriodEnd(true).build()))
                .hasMessageContaining("A subscription with status incomplete can only update metadata");
        long expiry = incomplete.getCreated() + 23 * 3600;
        assertThat(nextDue(incomplete.getCreated(), incomplete.getCreated() + 40 * DAY)).hasValue(expiry);

        runDue(expiry);

        Subscription expired = retrieveWithInvoice(incomplete.getId());
        assertThat(expired.getStatus()).isEqualTo("incomplete_expired");
        assertThat(expired.getEndedAt()).isEqualTo(expiry);
        assertThat(expired.getCanceledAt()).isEqualTo(expiry);
        assertThat(previous(events("customer.subscription.updated").getFirst(), "status")).isEqualTo("incomplete");
        assertThat(expired.getLatestInvoiceObject().getStatus()).isEqualTo("void");
        assertThat(nextDue(expiry, expiry + 90 * DAY)).as("a terminal status").isEmpty();
    }

    @Test
    void aSentInvoiceUnpaidOnItsDueDateMakesTheSubscriptionPastDueUntilItIsPaid() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic, 1L))
                .setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(7L)
                .addExpand("latest_invoice").build());
        long dueDate = subscription.getLatestInvoiceObject().getDueDate();

        runDue(dueDate);

        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("past_due");
        stripe.v1().invoices().pay(subscription.getLatestInvoice(), com.stripe.param.InvoicePayParams.builder()
                .setPaidOutOfBand(true).build());
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("active");
    }

    private Price monthly(String name, long amount) throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName(name).build());
        return stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(amount).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
    }

    private static SubscriptionCreateParams.Item item(Price price, long quantity) {
        return SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(quantity).build();
    }

    private void defaultPaymentMethod(String token) throws Exception {
        PaymentMethod attached = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(attached.getId()).build())
                .build());
    }

    private Subscription retrieveWithInvoice(String id) throws Exception {
        return stripe.v1().subscriptions().retrieve(id, SubscriptionRetrieveParams.builder()
                .addExpand("latest_invoice").build());
    }

    private String accountId() {
        return accounts.byKey(secretKey).orElseThrow().id();
    }

    /** The earliest work due for customers on no test clock, as a test clock's advance asks each ClockWork. */
    private OptionalLong nextDue(long from, long to) {
        return clockWorks.stream().map(work -> work.nextDue(accountId(), null, from, to))
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    private void runDue(long at) {
        clockWorks.forEach(work -> work.runDue(accountId(), null, at));
    }

    private List<Event> events(String type) throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setType(type).setLimit(100L).build()).getData();
    }

    /** The account's subscription events about this subscription, newest first. */
    private List<String> subscriptionEvents(Subscription subscription) throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setType("customer.subscription.*")
                        .setLimit(100L).build()).getData().stream()
                .filter(event -> subscription.getId().equals(((Subscription) event.getDataObjectDeserializer()
                        .getObject().orElseThrow()).getId()))
                .map(Event::getType).toList();
    }

    /** The events about this invoice, newest first. */
    private List<String> invoiceEvents(String invoiceId) throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setType("invoice.*").setLimit(100L).build())
                .getData().stream()
                .filter(event -> invoiceId.equals(((Invoice) event.getDataObjectDeserializer().getObject()
                        .orElseThrow()).getId()))
                .map(Event::getType).toList();
    }

    private static Object previous(Event event, String field) {
        return event.getData().getPreviousAttributes().get(field);
    }
}
