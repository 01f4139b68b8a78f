package dev.paydeck.sandbox.sources;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code /v1/customers/{id}/sources}: a customer's cards in the legacy flow. Add one from a token
 * ({@code source=tok_...}; the first becomes the {@code default_source}), list (with the {@code object} filter),
 * retrieve and delete. Bank accounts and Sources ({@code src_}) are not emulated.
 */
@Component
class SourceResource implements StripeResource {

    private static final ParamSpec CREATE = ParamSpec.of().string("source").required("source").metadata()
            .bool("validate");
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("object"));

    private final Sources sources;

    SourceResource(Sources sources) {
        this.sources = sources;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/customers/{customer}/sources", CREATE, this::create);
        routes.get("/v1/customers/{customer}/sources", LIST, this::list);
        routes.get("/v1/customers/{customer}/sources/{id}", ParamSpec.of(), this::retrieve);
        routes.delete("/v1/customers/{customer}/sources/{id}", ParamSpec.of(), this::delete);
    }

    private ObjectNode create(StripeCall call) {
        return Sources.rendered(sources.add(call, call.path("customer"), call.string("source"), call.map("metadata"),
                call.has("metadata")));
    }

    private StripeList list(StripeCall call) {
        String url = "/v1/customers/" + call.path("customer") + "/sources";
        String object = call.string("object");
        StripeList cards = sources.list(call, call.path("customer"), ListQuery.from(call), url);
        if (object != null && !object.equals("card")) {
            // Bank accounts and Sources are not emulated: a customer has none.
            return new StripeList(url, List.of(), false);
        }
        return new StripeList(url, cards.data().stream().map(Sources::rendered).toList(), cards.hasMore());
    }

    private ObjectNode retrieve(StripeCall call) {
        return Sources.rendered(sources.require(call, call.path("customer"), call.path("id")));
    }

    private ObjectNode delete(StripeCall call) {
        return sources.delete(call, call.path("customer"), call.path("id"));
    }
}
