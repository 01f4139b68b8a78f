package dev.paydeck.sandbox.testclocks;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/test_helpers/test_clocks}: create ({@code frozen_time}, {@code name}), retrieve, list, delete, and
 * {@code /advance}, which answers {@code advancing} at once and moves the clock afterwards.
 */
@Component
class TestClockResource implements StripeResource {

    static final String URL = "/v1/test_helpers/test_clocks";
    /** Stripe's longest clock name. */
    private static final int MAX_NAME = 300;

    private static final ParamSpec CREATE = ParamSpec.of().integer("frozen_time").string("name")
            .required("frozen_time");
    private static final ParamSpec ADVANCE = ParamSpec.of().integer("frozen_time").required("frozen_time");

    private final TestClocks clocks;
    private final ObjectStore store;

    TestClockResource(TestClocks clocks, ObjectStore store) {
        this.clocks = clocks;
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post(URL, CREATE, this::create);
        routes.get(URL, ListQuery.PAGING, this::list);
        routes.get(URL + "/{id}", ParamSpec.of(), call -> clocks.require(call.accountId(), call.path("id"), "id"));
        routes.delete(URL + "/{id}", ParamSpec.of(), call -> clocks.delete(call, call.path("id")));
        routes.post(URL + "/{id}/advance", ADVANCE, this::advance);
    }

    private ObjectNode create(StripeCall call) {
        String name = call.string("name");
        if (name != null && name.length() > MAX_NAME) {
            throw StripeError.invalid("name", "Invalid name: must be at most " + MAX_NAME + " characters");
        }
        return clocks.create(call, frozenTime(call), name);
    }

    private ObjectNode advance(StripeCall call) {
        return clocks.advance(call, call.path("id"), frozenTime(call));
    }

    private static long frozenTime(StripeCall call) {
        long frozenTime = call.longValue("frozen_time");
        if (frozenTime < 0) {
            throw StripeError.invalid("frozen_time", "Invalid frozen_time: must be a Unix timestamp, not negative");
        }
        return frozenTime;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), TestClockJson.OBJECT, ListQuery.from(call), URL);
    }
}
