package dev.paydeck.sandbox.balance;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * The balance transactions that money movements leave in an account's balance: a captured charge (its amount less
 * Stripe's fee, pending until {@code available_on}), a refund (taken at once) and its return if the refund fails, a
 * dispute's withdrawal of the disputed amount plus the dispute fee, and the reinstatement of the amount (not the fee)
 * when the dispute is won. Each is a new, append-only entry; nothing is ever changed but its {@code status} when its
 * funds become available.
 */
@Service
public class BalanceTransactions {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final BalanceTransactionRecords records;

    BalanceTransactions(ObjectStore store, SandboxClock clock, BalanceTransactionRecords records) {
        this.store = store;
        this.clock = clock;
        this.records = records;
    }

    /**
     * The transaction of a captured charge of {@code amount} with a card issued in {@code cardCountry}: pending
     * until the account's payout delay has passed, unless the card's funds are {@code availableAtOnce}.
     */
    public ObjectNode charge(StripeCall call, ObjectNode charge, long amount, String cardCountry,
            boolean availableAtOnce) {
        SandboxAccount account = call.account();
        long now = clock.now();
        String currency = charge.get("currency").asString();
        long fee = Pricing.cardFee(account.country(), cardCountry, amount, currency);
        long availableOn = availableAtOnce ? now : Pricing.availableOn(account.country(), now);
        return record(call, new BalanceTransactionJson.Kind("charge", "charge", description(charge)), amount,
                currency, fee, availableOn, charge.get("id").asString(), now);
    }

    /** The transaction of a refund: its amount leaves the balance at once; Stripe keeps the charge's fee. */
    public ObjectNode refund(StripeCall call, ObjectNode refund) {
        long now = clock.now();
        return record(call, new BalanceTransactionJson.Kind("refund", "refund", "REFUND FOR CHARGE"),
                -refund.get("amount").asLong(), refund.get("currency").asString(), 0, now,
                refund.get("id").asString(), now);
    }

    /** The transaction of a refund that failed: its amount comes back to the balance at once. */
    public ObjectNode refundFailure(StripeCall call, ObjectNode refund) {
        long now = clock.now();
        return record(call, new BalanceTransactionJson.Kind("refund_failure", "refund_failure", null),
                refund.get("amount").asLong(), refund.get("currency").asString(), 0, now,
                refund.get("id").asString(), now);
    }

    /** The disputed amount and the dispute fee, withdrawn from the balance when a chargeback opens. */
    public ObjectNode disputeWithdrawal(StripeCall call, ObjectNode dispute) {
        long now = clock.now();
        return record(call, new BalanceTransactionJson.Kind("adjustment", "dispute",
                        "Chargeback withdrawal for " + dispute.get("charge").asString()),
                -dispute.get("amount").asLong(), dispute.get("currency").asString(),
                Pricing.disputeFee(call.account().country()), now, dispute.get("id").asString(), now);
    }

    /**
     * The disputed amount, given back when the dispute is won. The dispute fee is not: Stripe returns only the
     * disputed amount and the separate "dispute countered fee" (support.stripe.com/topics/disputes), which the
     * sandbox does not charge.
     */
    public ObjectNode disputeReinstatement(StripeCall call, ObjectNode dispute) {
        long now = clock.now();
        return record(call, new BalanceTransactionJson.Kind("adjustment", "dispute_reversal",
                        "Chargeback reversal for " + dispute.get("charge").asString()),
                dispute.get("amount").asLong(), dispute.get("currency").asString(), 0, now,
                dispute.get("id").asString(), now);
    }

    /** How many days a charge's funds stay pending for an account of that country (its payout {@code delay_days}). */
    public static int payoutDelayDays(String accountCountry) {
        return Pricing.payoutDelayDays(accountCountry);
    }

    /** Marks available the account's transactions whose funds have become available by now. */
    void settle(String accountId) {
        store.flush();
        records.settle(accountId, clock.now());
    }

    private ObjectNode record(StripeCall call, BalanceTransactionJson.Kind kind, long amount, String currency,
            long fee, long availableOn, String source, long now) {
        ObjectNode transaction = BalanceTransactionJson.create(store.newObject("balance_transaction", "txn", now),
                kind, amount, currency, fee, feeDescription(kind), availableOn,
                source, now);
        return store.insert(call.accountId(), transaction);
    }

    private static String feeDescription(BalanceTransactionJson.Kind kind) {
        return "dispute".equals(kind.reportingCategory()) ? "Dispute fee" : "Stripe processing fees";
    }

    private static String description(ObjectNode charge) {
        return charge.path("description").isString() ? charge.get("description").asString() : null;
    }
}
