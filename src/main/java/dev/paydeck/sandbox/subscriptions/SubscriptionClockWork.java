package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParallelWork;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscriptions as time passes ({@link SubscriptionCycles}): those of the customers on a test clock when it is
 * advanced, and those of customers on no clock as the wall clock moves ({@link WallClockSubscriptions}). Each
 * subscription's due work runs in a transaction of its own, under its row's lock, and is looked for again there: two
 * instances running it at once renew a subscription once.
 */
@Component
class SubscriptionClockWork implements ClockWork {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionClockWork.class);
    /** At most this many steps for one subscription in one run (a guard against a loop, never reached in use). */
    private static final int MAX_STEPS = 1_000;
    /**
     * Subscriptions renewed at once: each renewal waits on the database most of its time, so a few at once keep
     * both the application and PostgreSQL busy (a test clock's month renews every subscription on it).
     */
    private static final int PARALLEL = 12;
    private static final List<String> LIVE = List.of("trialing", "active", "past_due", "unpaid", "incomplete");

    /**
     * The subscriptions {@link #nextDue} listed, by account and clock, for the {@link #runDue} that follows it in the
     * clock's step: listing a thousand subscriptions twice per step was a twentieth of a test clock's year. A
     * subscription listed but no longer due is passed over under its lock ({@link #run}); one made since is found at
     * the next step.
     */
    private final Map<String, List<ObjectNode>> listedForRun = new ConcurrentHashMap<>();
    private final ObjectStore store;
    private final SandboxAccounts accounts;
    private final SubscriptionCycles cycles;
    private final TransactionTemplate transactions;

    SubscriptionClockWork(ObjectStore store, SandboxAccounts accounts, SubscriptionCycles cycles,
            TransactionTemplate transactions) {
        this.store = store;
        this.accounts = accounts;
        this.cycles = cycles;
        this.transactions = transactions;
    }

    void runWallClock(long now) {
        for (String accountId : store.accountsHolding("subscription")) {
            runDue(accountId, null, now);
        }
    }

    @Override
    public OptionalLong nextDue(String accountId, String testClockId, long from, long to) {
        List<ObjectNode> listed = due(accountId, testClockId);
        listedForRun.put(accountId + "/" + testClockId, listed);
        return listed.stream()
                .map(SubscriptionCycles::nextDue).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .map(at -> Math.max(at, from + 1)).filter(at -> at <= to).min();
    }

    @Override
    public void runDue(String accountId, String testClockId, long at) {
        List<ObjectNode> listed = listedForRun.remove(accountId + "/" + testClockId);
        List<String> due = (listed != null ? listed : due(accountId, testClockId)).stream().filter(subscription -> {
            OptionalLong next = SubscriptionCycles.nextDue(subscription);
            return next.isPresent() && next.getAsLong() <= at;
        }).map(subscription -> subscription.get("id").asString()).toList();
        if (due.isEmpty()) {
            return;
        }
        StripeCall call = new StripeCall(accounts.byId(accountId).orElseThrow(), Map.of(), Map.of(), null, null,
                false, StripeCall.DEFAULT_API_VERSION);
        ParallelWork.forEach(due, PARALLEL, subscriptionId -> {
            try {
                transactions.executeWithoutResult(status -> run(call, subscriptionId, at));
            } catch (RuntimeException e) {
                // Still due: done at the clock's next step (or the wall clock's next run).
                LOG.warn("sandbox subscription work failed account={} subscription={} error={}", accountId,
                        subscriptionId, e.getClass().getSimpleName());
            }
        });
    }

    private void run(StripeCall call, String subscriptionId, long at) {
        String accountId = call.account().id();
        ObjectNode subscription = store.findForUpdate(accountId, subscriptionId).orElseThrow();
        for (int step = 0; step < MAX_STEPS && cycles.step(call, subscription, at); step++) {
            subscription = store.findForUpdate(accountId, subscriptionId).orElseThrow();
        }
    }

    /** The subscriptions that time may still move, of the customers on the clock (or on none). */
    private List<ObjectNode> due(String accountId, String testClockId) {
        return store.list(accountId, "subscription", ListQuery.newest(10_000).where("status", LIVE),
                "/v1/subscriptions").data().stream()
                .filter(subscription -> Objects.equals(StripeObjects.string(subscription, "test_clock"), testClockId))
                .toList();
    }
}
