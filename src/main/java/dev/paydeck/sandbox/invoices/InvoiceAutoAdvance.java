package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParallelWork;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Stripe's automatic collection of a draft ({@code auto_advance} true): about an hour after it was made
 * ({@code automatically_finalizes_at}) it is finalized and, when charged automatically, its payment is attempted with
 * the invoice's or the customer's default payment method, as {@code /finalize} and {@code /pay} would. An invoice sent
 * for payment stays open past its due date: Stripe changes nothing then.
 */
@Component
class InvoiceAutoAdvance implements ClockWork {

    private static final Logger log = LoggerFactory.getLogger(InvoiceAutoAdvance.class);
    /** How long after it was made Stripe finalizes a draft that advances on its own. */
    static final long FINALIZES_AFTER = 3_600;
    private static final int PAGE = 100;
    /** Drafts finalized (and paid) at once, as {@code SubscriptionClockWork} renews subscriptions. */
    private static final int PARALLEL = 12;

    private final ObjectStore store;
    private final SandboxAccounts accounts;
    private final InvoiceLifecycleResource lifecycle;

    private final TransactionTemplate transactions;

    InvoiceAutoAdvance(ObjectStore store, SandboxAccounts accounts, InvoiceLifecycleResource lifecycle,
            TransactionTemplate transactions) {
        this.store = store;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    /** Sets when a draft finalizes on its own ({@code automatically_finalizes_at}), or that it does not. */
    static void schedule(ObjectNode invoice) {
        if (!"draft".equals(invoice.path("status").asString())) {
            return;
        }
        if (invoice.path("auto_advance").asBoolean()) {
            invoice.put("automatically_finalizes_at", invoice.get("created").asLong() + FINALIZES_AFTER);
        } else {
            invoice.putNull("automatically_finalizes_at");
        }
    }

    @Override
    public OptionalLong nextDue(String accountId, String testClockId, long from, long to) {
        // A draft whose time has already come (auto_advance turned on late) is finalized at the next moment.
        return drafts(accountId, testClockId).stream().mapToLong(invoice -> Math.max(dueAt(invoice), from + 1))
                .filter(at -> at <= to).min();
    }

    @Override
    public void runDue(String accountId, String testClockId, long at) {
        List<ObjectNode> due = new ArrayList<>(drafts(accountId, testClockId).stream()
                .filter(invoice -> dueAt(invoice) <= at).toList());
        due.sort(Comparator.comparingLong(InvoiceAutoAdvance::dueAt));
        if (due.isEmpty()) {
            return;
        }
        SandboxAccount account = accounts.byId(accountId).orElseThrow();
        ParallelWork.forEach(due, PARALLEL, draft -> {
            String invoiceId = draft.get("id").asString();
            try {
                transactions.executeWithoutResult(status -> advance(account, invoiceId, at));
            } catch (RuntimeException e) {
                // Still a draft: finalized at the clock's next step.
                log.warn("Automatic finalization of invoice {} failed: {}", invoiceId, e.getClass().getSimpleName());
            }
        });
    }

    private void advance(SandboxAccount account, String invoiceId, long at) {
        StripeCall call = new StripeCall(account, Map.of(), Map.of("id", invoiceId), null, null, false,
                StripeCall.DEFAULT_API_VERSION);
        ObjectNode invoice = store.require(account.id(), invoiceId, "invoice", "id");
        // Looked at again under its lock: finalized meanwhile (by hand, or by another instance), it is left alone.
        if (!"draft".equals(invoice.path("status").asString()) || !invoice.path("auto_advance").asBoolean()
                || dueAt(invoice) > at) {
            return;
        }
        lifecycle.finalizeDraft(call, invoice);
        if (!"open".equals(invoice.get("status").asString())
                || !"charge_automatically".equals(invoice.get("collection_method").asString())) {
            return;
        }
        try {
            lifecycle.pay(call);
        } catch (StripeError declined) {
            // The attempt failed (a decline, 3-D Secure asked for, no payment method): the invoice stays open, with
            // the events /pay publishes, as after Stripe's own attempt.
            log.debug("Automatic payment of invoice {} failed: {}", invoiceId, declined.getMessage());
        }
    }

    private static long dueAt(ObjectNode invoice) {
        return invoice.path("automatically_finalizes_at").isNumber()
                ? invoice.get("automatically_finalizes_at").asLong()
                : invoice.get("created").asLong() + FINALIZES_AFTER;
    }

    /** The drafts of the clock's customers (of customers on no clock, when null) that advance on their own. */
    private List<ObjectNode> drafts(String accountId, String testClockId) {
        List<ObjectNode> drafts = new ArrayList<>();
        String after = null;
        while (true) {
            ListQuery query = new ListQuery(new LinkedHashMap<>(), new LinkedHashMap<>(), Map.of(), PAGE, after, null)
                    .where("status", "draft").where("auto_advance", Boolean.TRUE)
                    .where("test_clock", testClockId == null ? NullNode.getInstance() : testClockId);
            var page = store.list(accountId, "invoice", query, "/v1/invoices");
            drafts.addAll(page.data());
            if (!page.hasMore() || page.data().isEmpty()) {
                return drafts;
            }
            after = page.data().getLast().get("id").asString();
        }
    }
}
