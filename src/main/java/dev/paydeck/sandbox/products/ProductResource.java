package dev.paydeck.sandbox.products;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.SearchFields;
import dev.paydeck.sandbox.api.SearchRequest;
import dev.paydeck.sandbox.api.SearchResult;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.prices.Prices;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code /v1/products}: create (with a first price from {@code default_price_data}), retrieve, update (also its
 * {@code default_price}, one of its active prices), delete (refused while it has prices, as Stripe refuses it), list
 * (filtered by {@code active}, {@code ids}, {@code shippable}, {@code url}) and search.
 */
@Component
class ProductResource implements StripeResource {

    private static final ParamSpec FIELDS = ParamSpec.of()
            .string("name", "description", "statement_descriptor", "tax_code", "unit_label", "url")
            .bool("active", "shippable")
            .stringList("images")
            .objectList("marketing_features", ParamSpec.of().string("name").required("name"))
            .object("package_dimensions", ParamSpec.of().string("height", "length", "weight", "width")
                    .required("height", "length", "weight", "width"))
            .metadata();

    private static final ParamSpec CREATE = FIELDS.with(ParamSpec.of()
            .string("id")
            .object("default_price_data", Prices.DEFAULT_PRICE_DATA)
            .required("name"));
    private static final ParamSpec UPDATE = FIELDS.with(ParamSpec.of().string("default_price"));
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .bool("active", "shippable")
            .stringList("ids")
            .string("url"));
    /** Stripe's query fields for products. */
    private static final SearchFields SEARCH = SearchFields.of("products")
            .token("active", "shippable").string("name", "description", "url").numeric("created").metadata();

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Prices prices;

    ProductResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Prices prices) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.prices = prices;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/products", CREATE, this::create);
        routes.get("/v1/products", LIST, this::list);
        routes.get("/v1/products/search", SearchRequest.PARAMS, this::search);
        routes.get("/v1/products/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/products/{id}", UPDATE, this::update);
        routes.delete("/v1/products/{id}", ParamSpec.of(), this::delete);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode product = ProductCatalog.newProduct(store, clock, call, call.string("id"), "id");
        ProductJson.apply(product, call.params());
        store.insert(call.accountId(), product);
        events.publish(call, "product.created", product);
        if (call.map("default_price_data") != null) {
            ObjectNode price = prices.createDefault(call, product.get("id").asString(),
                    call.map("default_price_data"));
            product.put("default_price", price.get("id").asString());
            store.update(call.accountId(), product);
        }
        return product;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "product".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("product", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode product = store.require(call.accountId(), call.path("id"), "product", "id");
        ObjectNode before = product.deepCopy();
        ProductJson.apply(product, call.params());
        if (call.has("default_price")) {
            String priceId = call.string("default_price");
            if (priceId == null) {
                product.putNull("default_price");
            } else {
                prices.requireDefaultFor(call.accountId(), product.get("id").asString(), priceId, "default_price");
                product.put("default_price", priceId);
            }
        }
        ObjectNode previous = StripeObjects.previousAttributes(before, product);
        if (!previous.isEmpty()) {
            previous.put("updated", before.get("updated").asLong());
            product.put("updated", clock.now());
            events.publish(call, "product.updated", product, previous);
        }
        store.update(call.accountId(), product);
        return product;
    }

    private ObjectNode delete(StripeCall call) {
        ObjectNode product = store.require(call.accountId(), call.path("id"), "product", "id");
        String id = product.get("id").asString();
        if (prices.anyOf(call.accountId(), id)) {
            throw StripeError.invalid("id", "This product cannot be deleted because it has one or more user-created "
                    + "prices.");
        }
        store.delete(call.accountId(), id);
        events.publish(call, "product.deleted", product);
        ObjectNode reply = store.json().createObjectNode();
        reply.put("id", id);
        reply.put("object", "product");
        reply.put("deleted", true);
        return reply;
    }

    private StripeList list(StripeCall call) {
        ListQuery query = ListQuery.from(call)
                .where("active", call.bool("active"))
                .where("shippable", call.bool("shippable"))
                .where("url", call.string("url"));
        List<Object> ids = call.list("ids");
        if (ids != null && !ids.isEmpty()) {
            query.where("id", List.copyOf(ids));
        }
        return store.list(call.accountId(), "product", query, "/v1/products");
    }

    private SearchResult search(StripeCall call) {
        return store.search(call.accountId(), "product", SearchRequest.from(call), SEARCH, "/v1/products/search");
    }
}
