package dev.paydeck.sandbox.testclocks;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import com.stripe.param.testhelpers.TestClockListParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test clocks through stripe-java: made, listed, advanced (with what comes due on the way), deleted. */
class SandboxTestClocksIntegrationTests extends SandboxTest {

    /** 2025-01-01T00:00:00Z. */
    private static final long NEW_YEAR = 1_735_689_600L;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    @Autowired
    private ScriptedClockWork scripted;

    @Test
    void aClockIsMadeAtItsFrozenTimeListedRetrievedAndDeletedWithItsCustomers() throws Exception {
        TestClock clock = createClock(NEW_YEAR, "Annual renewal");

        assertThat(clock.getId()).startsWith("clock_");
        assertThat(clock.getObject()).isEqualTo("test_helpers.test_clock");
        assertThat(clock.getFrozenTime()).isEqualTo(NEW_YEAR);
        assertThat(clock.getName()).isEqualTo("Annual renewal");
        assertThat(clock.getStatus()).isEqualTo("ready");
        assertThat(clock.getLivemode()).isFalse();
        assertThat(clock.getDeletesAfter()).isGreaterThan(clock.getCreated());
        assertThat(clock.getCreated()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset
                .offset(60L));
        TestClock other = createClock(NEW_YEAR + DAY, null);
        assertThat(stripe.v1().testHelpers().testClocks().list(TestClockListParams.builder().build()).getData())
                .extracting(TestClock::getId).containsExactly(other.getId(), clock.getId());
        assertThat(stripe.v1().testHelpers().testClocks().retrieve(clock.getId()).getName())
                .isEqualTo("Annual renewal");
        Customer onClock = customerOn(clock);

        TestClock deleted = stripe.v1().testHelpers().testClocks().delete(clock.getId());

        assertThat(deleted.getDeleted()).isTrue();
        assertThat(deleted.getId()).isEqualTo(clock.getId());
        assertMissing(() -> stripe.v1().testHelpers().testClocks().retrieve(clock.getId()), clock.getId());
        assertThat(stripe.v1().customers().retrieve(onClock.getId()).getDeleted())
                .as("a clock's customers go with it").isTrue();
        assertThat(eventTypes()).containsSubsequence("test_helpers.test_clock.deleted", "customer.deleted",
                "test_helpers.test_clock.created");
    }

    @Test
    void advancingAnswersAdvancingAtOnceThenTheClockIsReadyAtItsNewTime() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);

        TestClock advancing = stripe.v1().testHelpers().testClocks().advance(clock.getId(),
                TestClockAdvanceParams.builder().setFrozenTime(NEW_YEAR + 30 * DAY).build());

        assertThat(advancing.getStatus()).isEqualTo("advancing");
        assertThat(advancing.getFrozenTime()).as("the time moves afterwards").isEqualTo(NEW_YEAR);
        assertThat(advancing.getStatusDetails().getAdvancing().getTargetFrozenTime()).isEqualTo(NEW_YEAR + 30 * DAY);
        TestClock ready = awaitReady(clock.getId());
        assertThat(ready.getFrozenTime()).isEqualTo(NEW_YEAR + 30 * DAY);
        assertThat(ready.getStatusDetails().getAdvancing()).isNull();
        assertThat(eventTypes()).containsExactly("test_helpers.test_clock.ready",
                "test_helpers.test_clock.advancing", "test_helpers.test_clock.created");
        Event readyEvent = stripe.v1().events().list(EventListParams.builder()
                .setType("test_helpers.test_clock.ready").build()).getData().getFirst();
        assertThat(((TestClock) readyEvent.getDataObjectDeserializer().deserializeUnsafe()).getFrozenTime())
                .isEqualTo(NEW_YEAR + 30 * DAY);
    }

    @Test
    void whatIsMadeForACustomerOnAClockIsMadeAtTheClocksTime() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);
        Customer customer = customerOn(clock);
        assertThat(customer.getTestClock()).isEqualTo(clock.getId());
        assertThat(customer.getCreated()).isEqualTo(NEW_YEAR);
        assertThat(stripe.v1().customers().retrieve(customer.getId(), com.stripe.param.CustomerRetrieveParams
                .builder().addExpand("test_clock").build()).getTestClockObject().getFrozenTime()).isEqualTo(NEW_YEAR);

        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(NEW_YEAR + DAY).build());
        awaitReady(clock.getId());
        InvoiceItem item = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setAmount(1500L).setCurrency("usd").build());
        Invoice draft = draft(customer, InvoiceCreateParams.CollectionMethod.SEND_INVOICE, false);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft.getId());

        assertThat(item.getDate()).isEqualTo(NEW_YEAR + DAY);
        assertThat(item.getTestClock()).isEqualTo(clock.getId());
        assertThat(draft.getCreated()).isEqualTo(NEW_YEAR + DAY);
        assertThat(draft.getTestClock()).isEqualTo(clock.getId());
        assertThat(open.getStatusTransitions().getFinalizedAt()).isEqualTo(NEW_YEAR + DAY);
        assertThat(open.getDueDate()).isEqualTo(NEW_YEAR + DAY + 30 * DAY);
        assertThat(intentOf(open).getCreated()).isEqualTo(NEW_YEAR + DAY);
        Event created = stripe.v1().events().list(EventListParams.builder().setType("invoice.created").build())
                .getData().getFirst();
        assertThat(created.getCreated()).as("its events too").isEqualTo(NEW_YEAR + DAY);
        assertThat(stripe.v1().customers().list(com.stripe.param.CustomerListParams.builder()
                .setTestClock(clock.getId()).build()).getData()).extracting(Customer::getId)
                .containsExactly(customer.getId());
    }

    @Test
    void aDraftThatAdvancesOnItsOwnIsFinalizedAndPaidAnHourAfterItWasMade() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);
        Customer customer = customerOn(clock);
        PaymentMethod card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setAmount(4200L).setCurrency("usd").build());
        Invoice automatic = draft(customer, InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY, true);
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setAmount(900L).setCurrency("usd").build());
        Invoice sent = draft(customer, InvoiceCreateParams.CollectionMethod.SEND_INVOICE, true);
        Invoice manual = draft(customer, InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY, false);
        assertThat(automatic.getAutomaticallyFinalizesAt()).isEqualTo(NEW_YEAR + HOUR);
        assertThat(manual.getAutomaticallyFinalizesAt()).isNull();

        advance(clock, NEW_YEAR + 30 * 60);
        assertThat(stripe.v1().invoices().retrieve(automatic.getId()).getStatus())
                .as("not before its hour").isEqualTo("draft");

        advance(clock, NEW_YEAR + 40 * DAY);

        Invoice paid = stripe.v1().invoices().retrieve(automatic.getId());
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountPaid()).isEqualTo(4200L);
        assertThat(paid.getStatusTransitions().getFinalizedAt()).isEqualTo(NEW_YEAR + HOUR);
        assertThat(paid.getStatusTransitions().getPaidAt()).isEqualTo(NEW_YEAR + HOUR);
        assertThat(paid.getAutomaticallyFinalizesAt()).isNull();
        PaymentIntent intent = intentOf(paid);
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(intent.getCreated()).isEqualTo(NEW_YEAR + HOUR);
        Invoice open = stripe.v1().invoices().retrieve(sent.getId());
        assertThat(open.getStatus()).as("sent for payment, open past its due date").isEqualTo("open");
        assertThat(open.getDueDate()).isEqualTo(NEW_YEAR + HOUR + 30 * DAY);
        assertThat(open.getAmountRemaining()).isEqualTo(900L);
        assertThat(stripe.v1().invoices().retrieve(manual.getId()).getStatus()).isEqualTo("draft");
        Event paidEvent = stripe.v1().events().list(EventListParams.builder().setType("invoice.paid").build())
                .getData().getFirst();
        assertThat(paidEvent.getCreated()).isEqualTo(NEW_YEAR + HOUR);
        assertThat(paidEvent.getRequest().getId()).as("made by Stripe, not by a request").isNull();
    }

    @Test
    void advancingRunsWhatComesDueInTimeOrderWithTheClockAtEachTime() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);
        scripted.schedule(clock.getId(), NEW_YEAR + 300, NEW_YEAR + 100, NEW_YEAR + 200, NEW_YEAR + 200,
                NEW_YEAR + 5_000);

        advance(clock, NEW_YEAR + 1_000);

        assertThat(scripted.runs(clock.getId())).containsExactly(
                new ScriptedClockWork.Run(NEW_YEAR + 100, NEW_YEAR + 100),
                new ScriptedClockWork.Run(NEW_YEAR + 200, NEW_YEAR + 200),
                new ScriptedClockWork.Run(NEW_YEAR + 300, NEW_YEAR + 300));
        advance(clock, NEW_YEAR + 5_000);
        assertThat(scripted.runs(clock.getId())).hasSize(4).last()
                .isEqualTo(new ScriptedClockWork.Run(NEW_YEAR + 5_000, NEW_YEAR + 5_000));
    }

    @Test
    void aFailureOnTheWayLeavesTheClockAtTheLastTimeItReachedInInternalFailure() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);
        scripted.schedule(clock.getId(), NEW_YEAR + 100);
        scripted.failAt(clock.getId(), NEW_YEAR + 200);

        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(NEW_YEAR + 1_000).build());

        TestClock failed = await(clock.getId(), "internal_failure");
        // The time of the work that failed, reached before the work ran; the work before it done.
        assertThat(failed.getFrozenTime()).isEqualTo(NEW_YEAR + 200);
        assertThat(scripted.runs(clock.getId())).containsExactly(
                new ScriptedClockWork.Run(NEW_YEAR + 100, NEW_YEAR + 100));
        assertThat(eventTypes()).first().isEqualTo("test_helpers.test_clock.internal_failure");
    }

    @Autowired
    private dev.paydeck.sandbox.api.ObjectStore store;

    @Autowired
    private org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    private TestClockWalk walk;

    @Test
    void aClockLeftAdvancingByAnInstanceThatStoppedIsWalkedOnWhenTheSandboxStarts() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);
        scripted.schedule(clock.getId(), NEW_YEAR + 100);
        String accountId = json(send(request("/sandbox/v1/account").header("Authorization", "Bearer " + secretKey)))
                .get("id").asString();
        // What an instance that stopped in the middle of an advance leaves: the clock advancing, nobody walking it.
        transactions.executeWithoutResult(status -> {
            var stored = store.findForUpdate(accountId, clock.getId()).orElseThrow();
            TestClockJson.advancing(stored, NEW_YEAR + 1_000);
            store.update(accountId, stored);
        });

        walk.resumeAll();

        assertThat(awaitReady(clock.getId()).getFrozenTime()).isEqualTo(NEW_YEAR + 1_000);
        assertThat(scripted.runs(clock.getId())).containsExactly(new ScriptedClockWork.Run(NEW_YEAR + 100,
                NEW_YEAR + 100));
    }

    @Test
    void badAdvancesAndOtherAccountsClocksGetStripesErrors() throws Exception {
        TestClock clock = createClock(NEW_YEAR, null);

        assertInvalid(() -> stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams
                .builder().setFrozenTime(NEW_YEAR - 1).build()), "frozen_time", "must be after");
        assertInvalid(() -> stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams
                .builder().setFrozenTime(NEW_YEAR).build()), "frozen_time", "must be after");
        assertInvalid(() -> stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams
                .builder().setFrozenTime(NEW_YEAR + 731 * DAY).build()), "frozen_time", "two years");
        assertMissing(() -> stripe.v1().testHelpers().testClocks().advance("clock_unknown", TestClockAdvanceParams
                .builder().setFrozenTime(NEW_YEAR + DAY).build()), "clock_unknown");
        assertThat(stripe.v1().testHelpers().testClocks().retrieve(clock.getId()).getStatus())
                .as("nothing started").isEqualTo("ready");
        assertMissing(() -> stripe.v1().customers().create(CustomerCreateParams.builder()
                .setTestClock("clock_unknown").build()), "clock_unknown");

        var hold = scripted.hold(clock.getId(), NEW_YEAR + 100);
        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(NEW_YEAR + DAY).build());
        try {
            assertInvalid(() -> stripe.v1().testHelpers().testClocks().advance(clock.getId(),
                    TestClockAdvanceParams.builder().setFrozenTime(NEW_YEAR + 2 * DAY).build()), null,
                    "already advancing");
        } finally {
            hold.countDown();
        }
        assertThat(awaitReady(clock.getId()).getFrozenTime()).as("the first advance goes on").isEqualTo(NEW_YEAR
                + DAY);

        StripeClient otherAccount = otherAccount();
        assertMissing(() -> otherAccount.v1().testHelpers().testClocks().retrieve(clock.getId()), clock.getId());
        assertMissing(() -> otherAccount.v1().testHelpers().testClocks().advance(clock.getId(),
                TestClockAdvanceParams.builder().setFrozenTime(NEW_YEAR + DAY).build()), clock.getId());
        assertMissing(() -> otherAccount.v1().testHelpers().testClocks().delete(clock.getId()), clock.getId());
        assertMissing(() -> otherAccount.v1().customers().create(CustomerCreateParams.builder()
                .setTestClock(clock.getId()).build()), clock.getId());
        assertThat(otherAccount.v1().testHelpers().testClocks().list(TestClockListParams.builder().build())
                .getData()).isEmpty();
    }

    private TestClock createClock(long frozenTime, String name) throws Exception {
        TestClockCreateParams.Builder params = TestClockCreateParams.builder().setFrozenTime(frozenTime);
        if (name != null) {
            params.setName(name);
        }
        return stripe.v1().testHelpers().testClocks().create(params.build());
    }

    private Customer customerOn(TestClock clock) throws Exception {
        return stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").setTestClock(clock.getId()).build());
    }

    private Invoice draft(Customer customer, InvoiceCreateParams.CollectionMethod method, boolean autoAdvance)
            throws Exception {
        InvoiceCreateParams.Builder params = InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(method).setAutoAdvance(autoAdvance)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE);
        if (method == InvoiceCreateParams.CollectionMethod.SEND_INVOICE) {
            params.setDaysUntilDue(30L);
        }
        return stripe.v1().invoices().create(params.build());
    }

    private void advance(TestClock clock, long to) throws Exception {
        stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(to).build());
        assertThat(awaitReady(clock.getId()).getFrozenTime()).isEqualTo(to);
    }

    private TestClock awaitReady(String clockId) throws Exception {
        return await(clockId, "ready");
    }

    private TestClock await(String clockId, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            TestClock clock = stripe.v1().testHelpers().testClocks().retrieve(clockId);
            if (!"advancing".equals(clock.getStatus()) || System.nanoTime() > deadline) {
                assertThat(clock.getStatus()).isEqualTo(status);
                return clock;
            }
            Thread.sleep(50);
        }
    }

    private PaymentIntent intentOf(Invoice invoice) throws Exception {
        return stripe.v1().paymentIntents().retrieve(invoice.getPayments().getData().getFirst().getPayment()
                .getPaymentIntent());
    }

    /** The account's event types, newest first. */
    private List<String> eventTypes() throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setLimit(100L).build()).getData().stream()
                .map(Event::getType).toList();
    }

    private StripeClient otherAccount() {
        var response = send(request("/sandbox/accounts?name=other").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        return clientFor(json(response).get("secret_key").asString());
    }

    private static void assertInvalid(ThrowingCallable call, String param, String wording) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(400);
            assertThat(error.getStripeError().getType()).isEqualTo("invalid_request_error");
            assertThat(error.getParam()).isEqualTo(param);
            assertThat(error.getStripeError().getMessage()).contains(wording);
        });
    }

    private static void assertMissing(ThrowingCallable call, String id) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(404);
            assertThat(error.getCode()).isEqualTo("resource_missing");
            assertThat(error.getStripeError().getMessage()).isEqualTo("No such test_clock: '" + id + "'");
        });
    }
}
