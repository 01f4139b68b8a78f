package dev.paydeck.sandbox.customers;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer's invoice balance as a ledger: each change is a {@code customer_balance_transaction} (negative: a credit
 * the customer's next invoices use; positive: a debit their next invoice adds) whose {@code ending_balance} is the
 * customer's {@code balance} after it. The balance has one currency, set by its first transaction.
 */
@Service
public class CustomerBalances {

    private final ObjectStore store;
    private final SandboxClock clock;

    CustomerBalances(ObjectStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a transaction is about, besides its amount: Stripe's type and the invoice or credit note behind it. */
    public record Entry(String type, String invoice, String creditNote, String description) {
    }

    /**
     * Records a change of the customer's balance and applies it to the customer given, which the caller stores. The
     * balance's currency is the customer's ({@code currency}), set here if it has none yet.
     */
    public ObjectNode record(String accountId, ObjectNode customer, long amount, String currency, Entry entry,
            String param) {
        String customerCurrency = customer.path("currency").asString(null);
        if (customerCurrency == null) {
            customer.put("currency", currency);
        } else if (!customerCurrency.equals(currency)) {
            throw StripeError.invalid(param, "The customer's balance is in " + customerCurrency + ": a change of "
                    + "it in " + currency + " cannot be made.");
        }
        long ending = customer.path("balance").asLong(0) + amount;
        customer.put("balance", ending);
        ObjectNode transaction = store.newObject("customer_balance_transaction", "cbtxn", clock.now());
        transaction.put("amount", amount);
        transaction.putNull("checkout_session");
        StripeObjects.text(transaction, "credit_note", entry.creditNote());
        transaction.put("currency", currency);
        transaction.put("customer", customer.get("id").asString());
        transaction.putNull("customer_account");
        StripeObjects.text(transaction, "description", entry.description());
        transaction.put("ending_balance", ending);
        StripeObjects.text(transaction, "invoice", entry.invoice());
        transaction.put("livemode", false);
        transaction.putObject("metadata");
        transaction.put("type", entry.type());
        store.insert(accountId, transaction);
        return transaction;
    }
}
