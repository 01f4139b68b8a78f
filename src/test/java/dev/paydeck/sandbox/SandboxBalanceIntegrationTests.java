package dev.paydeck.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Balance transactions of charges and refunds, their fees, and the balance they add up to. */
class SandboxBalanceIntegrationTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    private PaymentIntent pay(StripeClient client, long amount, String currency, String card,
            PaymentIntentCreateParams.CaptureMethod capture) throws Exception {
        return client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency(currency).addPaymentMethodType("card").setPaymentMethod(card)
                .setCaptureMethod(capture).setConfirm(true).build());
    }

    private PaymentIntent pay(long amount, String card) throws Exception {
        return pay(stripe, amount, "usd", card, PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
    }

    /** Midnight UTC, {@code days} after the day of {@code created}. */
    private static long midnightAfter(long created, int days) {
        return Instant.ofEpochSecond(created).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(days)
                .toEpochSecond();
    }

    @Test
    void aUsCardOnAUsAccountPaysStandardPricingAndIsPendingForTwoDays() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(pay(10_000, "pm_card_visa").getId(),
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());

        Charge charge = intent.getLatestChargeObject();
        BalanceTransaction transaction = charge.getBalanceTransactionObject();
        assertThat(transaction.getId()).startsWith("txn_");
        assertThat(transaction.getObject()).isEqualTo("balance_transaction");
        assertThat(transaction.getAmount()).isEqualTo(10_000L);
        assertThat(transaction.getCurrency()).isEqualTo("usd");
        assertThat(transaction.getFee()).isEqualTo(320L);
        assertThat(transaction.getNet()).isEqualTo(9680L);
        assertThat(transaction.getFeeDetails()).singleElement().satisfies(fee -> {
            assertThat(fee.getType()).isEqualTo("stripe_fee");
            assertThat(fee.getAmount()).isEqualTo(320L);
            assertThat(fee.getCurrency()).isEqualTo("usd");
        });
        assertThat(transaction.getType()).isEqualTo("charge");
        assertThat(transaction.getReportingCategory()).isEqualTo("charge");
        assertThat(transaction.getSource()).isEqualTo(charge.getId());
        assertThat(transaction.getStatus()).isEqualTo("pending");
        assertThat(transaction.getAvailableOn()).isEqualTo(midnightAfter(transaction.getCreated(), 2));

        BalanceTransaction retrieved = stripe.v1().balanceTransactions().retrieve(transaction.getId());
        assertThat(retrieved.getNet()).isEqualTo(9680L);

        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getPending()).singleElement().satisfies(pending -> {
            assertThat(pending.getCurrency()).isEqualTo("usd");
            assertThat(pending.getAmount()).isEqualTo(9680L);
            assertThat(pending.getSourceTypes().getCard()).isEqualTo(9680L);
        });
        assertThat(balance.getAvailable()).singleElement().satisfies(available -> {
            assertThat(available.getCurrency()).isEqualTo("usd");
            assertThat(available.getAmount()).isZero();
        });
    }

    @Test
    void anInternationalCardPaysOnePointFivePercentMore() throws Exception {
        PaymentIntent intent = pay(10_000, "pm_card_br");
        Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge());
        assertThat(charge.getPaymentMethodDetails().getCard().getCountry()).isEqualTo("BR");

        BalanceTransaction transaction = stripe.v1().balanceTransactions().retrieve(charge.getBalanceTransaction());
        assertThat(transaction.getFee()).isEqualTo(470L);
        assertThat(transaction.getNet()).isEqualTo(9530L);
    }

    @Test
    void aUkAccountPaysUkPricingAndWaitsThreeDays() throws Exception {
        var response = send(request("/sandbox/accounts?name=uk&country=GB").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(201);
        StripeClient uk = clientFor(json(response).get("secret_key").asString());

        assertThat(uk.v1().balance().retrieve().getAvailable()).singleElement()
                .satisfies(available -> assertThat(available.getCurrency()).isEqualTo("gbp"));
        var automatic = PaymentIntentCreateParams.CaptureMethod.AUTOMATIC;
        PaymentIntent domestic = pay(uk, 10_000, "gbp", "pm_card_gb", automatic);
        PaymentIntent european = pay(uk, 10_000, "gbp", "pm_card_fr", automatic);
        PaymentIntent american = pay(uk, 10_000, "gbp", "pm_card_visa", automatic);

        assertThat(feeOf(uk, domestic)).isEqualTo(170L);
        assertThat(feeOf(uk, european)).isEqualTo(270L);
        assertThat(feeOf(uk, american)).isEqualTo(345L);
        BalanceTransaction transaction = uk.v1().balanceTransactions().retrieve(
                uk.v1().charges().retrieve(domestic.getLatestCharge()).getBalanceTransaction());
        assertThat(transaction.getAvailableOn()).isEqualTo(midnightAfter(transaction.getCreated(), 3));
    }

    private static long feeOf(StripeClient client, PaymentIntent intent) throws Exception {
        Charge charge = client.v1().charges().retrieve(intent.getLatestCharge());
        return client.v1().balanceTransactions().retrieve(charge.getBalanceTransaction()).getFee();
    }

    @Test
    void pendingFundsBecomeAvailableOnceTheirDayHasCome() throws Exception {
        PaymentIntent intent = pay(10_000, "pm_card_visa");
        String transactionId = stripe.v1().charges().retrieve(intent.getLatestCharge()).getBalanceTransaction();
        assertThat(stripe.v1().balanceTransactions().retrieve(transactionId).getStatus()).isEqualTo("pending");

        // The sandbox's clock cannot be moved from a test: the transaction's day is moved into the past instead,
        // as if two days had gone by.
        long yesterday = Instant.now().minus(1, ChronoUnit.DAYS).getEpochSecond();
        jdbc.sql("update sandbox.objects set data = jsonb_set(data, '{available_on}', to_jsonb(?::bigint)) "
                + "where id = ?").params(yesterday, transactionId).update();

        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getAvailable().getFirst().getAmount()).isEqualTo(9680L);
        assertThat(balance.getPending().getFirst().getAmount()).isZero();
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId(), PaymentIntentRetrieveParams.builder()
                .addExpand("latest_charge.balance_transaction").build()).getLatestChargeObject()
                .getBalanceTransactionObject().getStatus()).isEqualTo("available");
        BalanceTransaction transaction = stripe.v1().balanceTransactions().retrieve(transactionId);
        assertThat(transaction.getStatus()).isEqualTo("available");
        assertThat(stripe.v1().balanceTransactions().list().getData())
                .extracting(BalanceTransaction::getStatus).containsExactly("available");
    }

    @Test
    void fundsThatBypassPendingAreAvailableAtOnce() throws Exception {
        PaymentIntent intent = pay(5000, "pm_card_bypassPending");
        BalanceTransaction transaction = stripe.v1().balanceTransactions().retrieve(
                stripe.v1().charges().retrieve(intent.getLatestCharge()).getBalanceTransaction());
        assertThat(transaction.getStatus()).isEqualTo("available");
        assertThat(transaction.getAvailableOn()).isLessThanOrEqualTo(Instant.now().getEpochSecond());

        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getAvailable()).singleElement()
                .satisfies(available -> assertThat(available.getAmount()).isEqualTo(5000L - 175L));
        assertThat(balance.getPending()).singleElement()
                .satisfies(pending -> assertThat(pending.getAmount()).isZero());
    }

    @Test
    void anUncapturedChargeHasNoBalanceTransactionUntilItIsCaptured() throws Exception {
        PaymentIntent intent = pay(stripe, 4000, "usd", "pm_card_visa", PaymentIntentCreateParams.CaptureMethod.MANUAL);
        assertThat(stripe.v1().charges().retrieve(intent.getLatestCharge()).getBalanceTransaction()).isNull();
        assertThat(stripe.v1().balanceTransactions().list().getData()).isEmpty();

        stripe.v1().paymentIntents().capture(intent.getId(),
                PaymentIntentCaptureParams.builder().setAmountToCapture(3000L).build());
        Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge());
        BalanceTransaction transaction = stripe.v1().balanceTransactions().retrieve(charge.getBalanceTransaction());
        assertThat(transaction.getAmount()).isEqualTo(3000L);
        assertThat(transaction.getFee()).isEqualTo(117L);
    }

    @Test
    void aRefundTakesItsAmountOutOfTheBalanceAtOnceAndStripeKeepsTheFee() throws Exception {
        PaymentIntent intent = pay(10_000, "pm_card_visa");
        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(2500L).build());

        BalanceTransaction transaction = stripe.v1().balanceTransactions().retrieve(refund.getBalanceTransaction());
        assertThat(transaction.getType()).isEqualTo("refund");
        assertThat(transaction.getReportingCategory()).isEqualTo("refund");
        assertThat(transaction.getSource()).isEqualTo(refund.getId());
        assertThat(transaction.getAmount()).isEqualTo(-2500L);
        assertThat(transaction.getFee()).isZero();
        assertThat(transaction.getNet()).isEqualTo(-2500L);
        assertThat(transaction.getStatus()).isEqualTo("available");

        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getAvailable().getFirst().getAmount()).isEqualTo(-2500L);
        assertThat(balance.getPending().getFirst().getAmount()).isEqualTo(9680L);
    }

    @Test
    void listsFilterByTypeSourceAndCurrencyAndPage() throws Exception {
        PaymentIntent first = pay(1000, "pm_card_visa");
        PaymentIntent second = pay(2000, "pm_card_visa");
        pay(stripe, 3000, "eur", "pm_card_visa", PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(first.getId())
                .build());

        assertThat(stripe.v1().balanceTransactions().list().getData()).hasSize(4);
        assertThat(stripe.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setType("refund")
                .build()).getData()).extracting(BalanceTransaction::getSource).containsExactly(refund.getId());
        assertThat(stripe.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                .setSource(second.getLatestCharge()).build()).getData())
                .extracting(BalanceTransaction::getAmount).containsExactly(2000L);
        assertThat(stripe.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setCurrency("eur")
                .build()).getData()).extracting(BalanceTransaction::getAmount).containsExactly(3000L);
        assertThat(stripe.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                .setPayout("po_none").build()).getData()).isEmpty();

        var page = stripe.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setLimit(3L).build());
        assertThat(page.getHasMore()).isTrue();
        assertThat(page.getData().getFirst().getSource()).isEqualTo(refund.getId());
        var rest = stripe.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                .setStartingAfter(page.getData().getLast().getId()).build());
        assertThat(rest.getData()).extracting(BalanceTransaction::getAmount).containsExactly(1000L);

        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getPending()).extracting(Balance.Pending::getCurrency).containsExactly("eur", "usd");

        assertThatThrownBy(() -> stripe.v1().balanceTransactions().retrieve("txn_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getCode()).isEqualTo("resource_missing"));
    }
}
