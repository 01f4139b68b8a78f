package dev.paydeck.sandbox.testclocks;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.customers.SandboxCustomers;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An account's test clocks: made at a frozen time, advanced (the walk itself is {@link TestClockWalk}'s, after the
 * call that started it has committed), deleted with their customers. The API and the sandbox's pages both go
 * through here.
 */
@Service
public class TestClocks {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final SandboxCustomers customers;
    private final TestClockWalk walk;
    private final TransactionTemplate transactions;

    TestClocks(ObjectStore store, SandboxClock clock, SandboxEvents events, SandboxCustomers customers,
            TestClockWalk walk, TransactionTemplate transactions) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.customers = customers;
        this.walk = walk;
        this.transactions = transactions;
    }

    /** A new clock at {@code frozenTime}, with {@code test_helpers.test_clock.created}. */
    public ObjectNode create(StripeCall call, long frozenTime, String name) {
        return transactions.execute(status -> {
            ObjectNode created = TestClockJson.create(store.newObject(TestClockJson.OBJECT, "clock", clock.now()),
                    frozenTime, name);
            store.insert(call.accountId(), created);
            events.publish(call, "test_helpers.test_clock.created", created);
            return created;
        });
    }

    /** The account's clock of that id, or Stripe's {@code resource_missing} (other accounts' clocks are missing). */
    public ObjectNode require(String accountId, String id, String param) {
        return store.find(accountId, id).filter(found -> TestClockJson.OBJECT.equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("test_clock", id, param));
    }

    /**
     * Starts moving the clock to {@code target}: it is {@code advancing} at once (what this returns), and walks on
     * once this call has committed, until it is {@code ready} at the target.
     */
    public ObjectNode advance(StripeCall call, String id, long target) {
        return transactions.execute(status -> {
            // Refused before taking the clock's lock, which a step of its advance holds as long as its work runs.
            refuseWhileAdvancing(require(call.accountId(), id, "test_clock"));
            ObjectNode testClock = store.findForUpdate(call.accountId(), id).orElseThrow(
                    () -> StripeError.resourceMissing("test_clock", id, "test_clock"));
            refuseWhileAdvancing(testClock);
            AdvanceLimits.check(store, call.accountId(), testClock, target);
            TestClockJson.advancing(testClock, target);
            walk.startAfterCommit(call.accountId(), testClock, call.apiVersion());
            store.update(call.accountId(), testClock);
            events.publish(call, "test_helpers.test_clock.advancing", testClock);
            return testClock;
        });
    }

    private static void refuseWhileAdvancing(ObjectNode testClock) {
        if (!TestClockJson.status(testClock).mayAdvance()) {
            throw StripeError.invalid(null, "The test clock " + testClock.get("id").asString() + " is already "
                    + "advancing. Wait until its status is `ready` before advancing it again.");
        }
    }

    /** Deletes the clock and, as Stripe does, the customers on it. */
    public ObjectNode delete(StripeCall call, String id) {
        return transactions.execute(status -> {
            ObjectNode testClock = require(call.accountId(), id, "test_clock");
            for (ObjectNode customer : customersOn(call.accountId(), id)) {
                customers.delete(call, customer);
            }
            store.delete(call.accountId(), id);
            events.publish(call, "test_helpers.test_clock.deleted", testClock);
            ObjectNode reply = store.json().createObjectNode();
            reply.put("id", id);
            reply.put("object", TestClockJson.OBJECT);
            reply.put("deleted", true);
            return reply;
        });
    }

    /** The account's newest clocks, for the sandbox's pages. */
    public List<ObjectNode> recent(String accountId, int limit) {
        return store.list(accountId, TestClockJson.OBJECT, ListQuery.newest(limit), TestClockResource.URL).data();
    }

    private List<ObjectNode> customersOn(String accountId, String clockId) {
        return store.list(accountId, "customer", ListQuery.newest(100).where("test_clock", clockId),
                "/v1/customers").data();
    }
}
