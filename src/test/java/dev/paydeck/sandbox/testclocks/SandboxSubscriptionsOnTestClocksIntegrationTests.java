package dev.paydeck.sandbox.testclocks;

import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions moved by a real test clock through stripe-java, as a Stripe user tests them: {@code advance}, then
 * wait for {@code ready}, then look at what the clock's time made.
 */
class SandboxSubscriptionsOnTestClocksIntegrationTests extends SandboxTest {

    /** 2025-01-01T00:00:00Z. */
    private static final ZonedDateTime NEW_YEAR = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final long DAY = 86_400;

    private TestClock clock;
    private Customer customer;
    private Price monthly;

    @BeforeEach
    void clockCustomerAndPrice() throws Exception {
        clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(NEW_YEAR.toEpochSecond()).setName("A year of renewals").build());
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com")
                .setTestClock(clock.getId()).build());
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Basic").build());
        monthly = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
    }

    @Test
    void aYearOfMonthlyRenewalsWithOneFailedPaymentRetriedAndPaidOnTheClocksTime() throws Exception {
        PaymentMethod visa = defaultCard("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(monthly.getId()).build()).build());
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getStartDate()).isEqualTo(NEW_YEAR.toEpochSecond());

        for (int month = 1; month <= 4; month++) {
            advance(at(month, 0));
        }
        PaymentMethod failing = defaultCard("pm_card_chargeCustomerFail");
        advance(at(5, 0));

        Subscription pastDue = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(pastDue.getStatus()).isEqualTo("past_due");
        Invoice failed = stripe.v1().invoices().retrieve(pastDue.getLatestInvoice());
        assertThat(failed.getStatus()).isEqualTo("open");
        assertThat(failed.getCreated()).isEqualTo(at(5, 0));
        assertThat(failed.getAttemptCount()).isEqualTo(1L);
        assertThat(failed.getNextPaymentAttempt()).as("retried three days later").isEqualTo(at(5, 3));
        assertThat(failing.getCustomer()).isEqualTo(customer.getId());

        setDefault(visa);
        advance(at(5, 2));
        assertThat(stripe.v1().invoices().retrieve(failed.getId()).getStatus()).as("not before its retry")
                .isEqualTo("open");
        advance(at(5, 4));

        Invoice retried = stripe.v1().invoices().retrieve(failed.getId());
        assertThat(retried.getStatus()).isEqualTo("paid");
        assertThat(retried.getStatusTransitions().getPaidAt()).isEqualTo(at(5, 3));
        assertThat(retried.getNextPaymentAttempt()).isNull();
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("active");

        for (int month = 6; month <= 12; month++) {
            advance(at(month, 0));
        }

        List<Invoice> invoices = new ArrayList<>(stripe.v1().invoices().list(InvoiceListParams.builder()
                .setCustomer(customer.getId()).setLimit(100L).build()).getData());
        invoices.sort(Comparator.comparing(Invoice::getCreated));
        // Listed by subscription, the same thirteen.
        assertThat(stripe.v1().invoices().list(InvoiceListParams.builder().setSubscription(subscription.getId())
                .setLimit(100L).build()).getData()).extracting(Invoice::getId)
                .containsExactlyInAnyOrderElementsOf(invoices.stream().map(Invoice::getId).toList());
        assertThat(invoices).hasSize(13).allSatisfy(invoice -> {
            assertThat(invoice.getStatus()).isEqualTo("paid");
            assertThat(invoice.getAmountPaid()).isEqualTo(1000L);
        });
        assertThat(invoices.getFirst().getBillingReason()).isEqualTo("subscription_create");
        for (int month = 1; month <= 12; month++) {
            Invoice renewal = invoices.get(month);
            assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
            assertThat(renewal.getCreated()).as("renewal %d made on the clock's time", month)
                    .isEqualTo(at(month, 0));
            var period = renewal.getLines().getData().getFirst().getPeriod();
            assertThat(period.getStart()).as("renewal %d's period", month).isEqualTo(at(month, 0));
            assertThat(period.getEnd()).isEqualTo(at(month + 1, 0));
        }
        Subscription renewed = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(renewed.getStatus()).isEqualTo("active");
        assertThat(renewed.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(at(13, 0));

        List<Event> year = eventsOldestFirst();
        assertThat(year).extracting(Event::getCreated).as("sent in time order").isSorted();
        assertThat(year).filteredOn(event -> event.getType().equals("invoice.payment_failed")).hasSize(1)
                .allSatisfy(event -> assertThat(event.getCreated()).isEqualTo(at(5, 0)));
        assertThat(year).filteredOn(event -> event.getType().equals("invoice.paid")).extracting(Event::getCreated)
                .hasSize(13).contains(at(5, 3));
        assertThat(year).filteredOn(event -> event.getType().equals("invoice.upcoming")).extracting(Event::getCreated)
                .as("a week before each renewal").hasSize(12).contains(at(1, -7), at(5, -7), at(12, -7));
        assertThat(year).extracting(Event::getType).containsSubsequence("invoice.payment_failed",
                "customer.subscription.updated", "invoice.paid", "customer.subscription.updated");
    }

    @Test
    void aRenewalIsAnnouncedAWeekBeforeWithTheInvoiceItWillMakeNotStored() throws Exception {
        defaultCard("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(monthly.getId()).setQuantity(3L).build()).putMetadata("plan", "team").build());

        advance(at(1, -7) - 1);
        assertThat(events("invoice.upcoming")).isEmpty();
        advance(at(1, -1));

        Event announced = events("invoice.upcoming").getFirst();
        assertThat(events("invoice.upcoming")).hasSize(1);
        assertThat(announced.getCreated()).isEqualTo(at(1, -7));
        Invoice upcoming = (Invoice) announced.getDataObjectDeserializer().deserializeUnsafe();
        assertThat(upcoming.getId()).as("not an invoice yet").isNull();
        assertThat(upcoming.getBillingReason()).isEqualTo("upcoming");
        assertThat(upcoming.getCustomer()).isEqualTo(customer.getId());
        assertThat(upcoming.getAmountDue()).isEqualTo(3000L);
        assertThat(upcoming.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
        assertThat(upcoming.getLines().getData().getFirst().getPeriod().getStart()).isEqualTo(at(1, 0));
        assertThat(upcoming.getLines().getData().getFirst().getPeriod().getEnd()).isEqualTo(at(2, 0));
        assertThat(stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customer.getId()).build())
                .getData()).as("only the first invoice is stored").hasSize(1);

        advance(at(2, -1));
        assertThat(events("invoice.upcoming")).as("once per period").extracting(Event::getCreated)
                .containsExactly(at(2, -7), at(1, -7));
        stripe.v1().subscriptions().update(subscription.getId(), com.stripe.param.SubscriptionUpdateParams.builder()
                .setCancelAtPeriodEnd(true).build());
        advance(at(3, 0));
        assertThat(events("invoice.upcoming")).as("no renewal to announce").hasSize(2);
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getStatus()).isEqualTo("canceled");
    }

    @Test
    void aTrialWithoutAPaymentMethodWarnsThreeDaysBeforeAndEndsPastDueOnTheClock() throws Exception {
        Subscription trialing = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(monthly.getId()).build()).setTrialPeriodDays(14L).build());
        long trialEnd = NEW_YEAR.toEpochSecond() + 14 * DAY;
        assertThat(trialing.getStatus()).isEqualTo("trialing");
        assertThat(trialing.getTrialEnd()).isEqualTo(trialEnd);

        advance(trialEnd - 3 * DAY - 1);
        assertThat(events("customer.subscription.trial_will_end")).isEmpty();
        advance(trialEnd - DAY);
        assertThat(events("customer.subscription.trial_will_end")).singleElement()
                .satisfies(event -> assertThat(event.getCreated()).isEqualTo(trialEnd - 3 * DAY));
        assertThat(stripe.v1().subscriptions().retrieve(trialing.getId()).getStatus()).isEqualTo("trialing");

        advance(trialEnd + DAY);

        Subscription ended = stripe.v1().subscriptions().retrieve(trialing.getId());
        assertThat(ended.getStatus()).isEqualTo("past_due");
        assertThat(ended.getItems().getData().getFirst().getCurrentPeriodStart()).isEqualTo(trialEnd);
        Invoice first = stripe.v1().invoices().retrieve(ended.getLatestInvoice());
        assertThat(first.getStatus()).isEqualTo("open");
        assertThat(first.getCreated()).isEqualTo(trialEnd);
        assertThat(first.getAmountDue()).isEqualTo(1000L);
        assertThat(events("customer.subscription.updated")).first()
                .satisfies(event -> assertThat(event.getCreated()).isEqualTo(trialEnd));
    }

    @Test
    void deletingTheClockCancelsItsCustomersSubscriptionsAtTheClocksTime() throws Exception {
        defaultCard("pm_card_visa");
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(monthly.getId()).build()).build());
        Customer elsewhere = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("grace@example.com").build());
        PaymentMethod card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(elsewhere.getId()).build());
        Subscription unrelated = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(elsewhere.getId()).setDefaultPaymentMethod(card.getId()).addItem(
                        SubscriptionCreateParams.Item.builder().setPrice(monthly.getId()).build()).build());
        advance(at(0, 10));

        stripe.v1().testHelpers().testClocks().delete(clock.getId());

        Subscription canceled = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCanceledAt()).as("on the clock's time").isEqualTo(at(0, 10));
        assertThat(canceled.getEndedAt()).isEqualTo(at(0, 10));
        assertThat(stripe.v1().subscriptions().retrieve(unrelated.getId()).getStatus()).isEqualTo("active");
        List<String> types = stripe.v1().events().list(EventListParams.builder().setLimit(20L).build()).getData()
                .stream().map(Event::getType).toList();
        assertThat(types).as("newest first").containsSubsequence("test_helpers.test_clock.deleted",
                "customer.deleted", "customer.subscription.deleted", "test_helpers.test_clock.ready");
        Event deleted = events("customer.subscription.deleted").getFirst();
        assertThat(((Subscription) deleted.getDataObjectDeserializer().deserializeUnsafe()).getId())
                .isEqualTo(subscription.getId());
        assertThat(events("customer.subscription.deleted")).hasSize(1);
    }

    /** The time {@code months} months and {@code days} days after the clock's start, in UTC. */
    private static long at(int months, int days) {
        return NEW_YEAR.plusMonths(months).plusDays(days).toEpochSecond();
    }

    private PaymentMethod defaultCard(String token) throws Exception {
        PaymentMethod card = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        setDefault(card);
        return card;
    }

    private void setDefault(PaymentMethod card) throws Exception {
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
    }

    private void advance(long to) throws Exception {
        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(to).build());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        TestClock advanced = stripe.v1().testHelpers().testClocks().retrieve(clock.getId());
        while ("advancing".equals(advanced.getStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            advanced = stripe.v1().testHelpers().testClocks().retrieve(clock.getId());
        }
        assertThat(advanced.getStatus()).isEqualTo("ready");
        assertThat(advanced.getFrozenTime()).isEqualTo(to);
    }

    private List<Event> events(String type) throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setType(type).setLimit(100L).build()).getData();
    }

    /** The events made on the clock's time (not those of the catalogue or the clock itself), as sent. */
    private List<Event> eventsOldestFirst() throws Exception {
        List<Event> events = new ArrayList<>();
        for (Event event : stripe.v1().events().list(EventListParams.builder().setLimit(100L).build())
                .autoPagingIterable()) {
            if (!event.getType().startsWith("test_helpers.") && !event.getType().startsWith("product.")
                    && !event.getType().startsWith("price.")) {
                events.add(event);
            }
        }
        assertThat(Instant.ofEpochSecond(events.getLast().getCreated())).isEqualTo(NEW_YEAR.toInstant());
        return events.reversed();
    }
}
