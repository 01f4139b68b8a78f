package dev.paydeck.sandbox.prices;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
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
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/prices}: create (for a {@code product}, or with a new one from {@code product_data}), retrieve, update
 * (what Stripe lets change: {@code active}, {@code lookup_key}, {@code nickname}, {@code metadata}, an unspecified
 * {@code tax_behavior}), list (filtered by {@code active}, {@code currency}, {@code product}, {@code type},
 * {@code lookup_keys}, {@code recurring}) and search. Stripe's API deletes no price: one is archived
 * ({@code active=false}), except the default price of its product.
 */
@Component
class PriceResource implements StripeResource {

    private static final ParamSpec TIER = ParamSpec.of()
            .string("up_to", "unit_amount_decimal", "flat_amount_decimal")
            .integer("unit_amount", "flat_amount");

    private static final ParamSpec TRANSFORM_QUANTITY = ParamSpec.of()
            .integer("divide_by")
            .oneOf("round", "up", "down")
            .required("divide_by", "round");

    /** What a product made inline for a price may be given. */
    private static final ParamSpec PRODUCT_DATA = ParamSpec.of()
            .string("name", "id", "statement_descriptor", "tax_code", "unit_label")
            .bool("active")
            .metadata()
            .required("name");

    private static final ParamSpec CREATE = ParamSpec.of()
            .string("currency", "product", "unit_amount_decimal", "nickname", "lookup_key")
            .integer("unit_amount")
            .bool("active", "transfer_lookup_key")
            .oneOf("billing_scheme", "per_unit", "tiered")
            .oneOf("tiers_mode", "graduated", "volume")
            .objectList("tiers", TIER)
            .object("transform_quantity", TRANSFORM_QUANTITY)
            .object("recurring", Prices.RECURRING)
            .oneOf("tax_behavior", "exclusive", "inclusive", "unspecified")
            .metadata()
            .object("product_data", PRODUCT_DATA)
            .any("currency_options", "custom_unit_amount")
            .required("currency");

    private static final ParamSpec UPDATE = ParamSpec.of()
            .string("lookup_key", "nickname")
            .bool("active", "transfer_lookup_key")
            .oneOf("tax_behavior", "exclusive", "inclusive", "unspecified")
            .metadata()
            .any("currency_options");

    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .bool("active")
            .string("currency", "product")
            .oneOf("type", "one_time", "recurring")
            .stringList("lookup_keys")
            .object("recurring", ParamSpec.of().oneOf("interval", "day", "week", "month", "year")
                    .oneOf("usage_type", "licensed", "metered").string("meter")));

    /** Stripe's query fields for prices. */
    private static final SearchFields SEARCH = SearchFields.of("prices")
            .token("active", "currency", "type").string("lookup_key").id("product").numeric("created").metadata();

    private final ObjectStore store;
    private final SandboxEvents events;
    private final Prices prices;
    private final InlineProducts products;

    PriceResource(ObjectStore store, SandboxEvents events, Prices prices, InlineProducts products) {
        this.store = store;
        this.events = events;
        this.prices = prices;
        this.products = products;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/prices", CREATE, this::create);
        routes.get("/v1/prices", LIST, this::list);
        routes.get("/v1/prices/search", SearchRequest.PARAMS, this::search);
        routes.get("/v1/prices/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/prices/{id}", UPDATE, this::update);
    }

    private ObjectNode create(StripeCall call) {
        Prices.checkUnsupported(call.params(), "");
        String productId = call.string("product");
        Map<String, Object> productData = call.map("product_data");
        if (productId != null && productData != null) {
            throw StripeError.invalid("product", "You may only specify one of these parameters: product, "
                    + "product_data.");
        }
        if (productId == null && productData == null) {
            throw StripeError.invalid("product", "You must specify either `product` or `product_data` when "
                    + "creating a price.");
        }
        if (productId != null) {
            products.require(call, productId, "product");
        }
        // The price is checked whole before a product is made for it.
        ObjectNode price = prices.newPrice(call, productId == null ? "prod_pending" : productId, call.params(), "");
        prices.assignLookupKey(call, price, call.string("lookup_key"), call.isTrue("transfer_lookup_key"));
        if (call.string("nickname") != null) {
            price.put("nickname", call.string("nickname"));
        }
        if (productData != null) {
            price.put("product", products.create(call, productData));
        }
        store.insert(call.accountId(), price);
        events.publish(call, "price.created", price);
        return price;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "price".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("price", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        Prices.checkUnsupported(call.params(), "");
        ObjectNode price = store.require(call.accountId(), call.path("id"), "price", "id");
        ObjectNode before = price.deepCopy();
        if (call.has("active") && call.bool("active") != null) {
            if (!call.bool("active") && price.get("id").asString().equals(
                    products.defaultPrice(call.accountId(), price.get("product").asString()))) {
                throw StripeError.invalid("active", "This price cannot be archived because it is the default price "
                        + "of its product.");
            }
            price.put("active", call.bool("active"));
        }
        if (call.has("lookup_key")) {
            prices.assignLookupKey(call, price, call.string("lookup_key"), call.isTrue("transfer_lookup_key"));
        }
        if (call.has("nickname")) {
            if (call.string("nickname") == null) {
                price.putNull("nickname");
            } else {
                price.put("nickname", call.string("nickname"));
            }
        }
        if (call.string("tax_behavior") != null) {
            String current = price.path("tax_behavior").asString();
            if (!current.equals("unspecified") && !current.equals(call.string("tax_behavior"))) {
                throw StripeError.invalid("tax_behavior", "The tax behavior of a price cannot be changed once it "
                        + "is `inclusive` or `exclusive`.");
            }
            price.put("tax_behavior", call.string("tax_behavior"));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(price, call.map("metadata"));
        }
        store.update(call.accountId(), price);
        ObjectNode previous = StripeObjects.previousAttributes(before, price);
        if (!previous.isEmpty()) {
            events.publish(call, "price.updated", price, previous);
        }
        return price;
    }

    @SuppressWarnings("unchecked")
    private StripeList list(StripeCall call) {
        ListQuery query = ListQuery.from(call)
                .where("active", call.bool("active"))
                .where("currency", call.string("currency") == null ? null : call.string("currency").toLowerCase())
                .where("product", call.string("product"))
                .where("type", call.string("type"));
        List<Object> lookupKeys = call.list("lookup_keys");
        if (lookupKeys != null && !lookupKeys.isEmpty()) {
            query.where("lookup_key", List.copyOf(lookupKeys));
        }
        Map<String, Object> recurring = call.map("recurring");
        if (recurring != null && !recurring.isEmpty()) {
            query.where("recurring", new LinkedHashMap<>(recurring));
        }
        return store.list(call.accountId(), "price", query, "/v1/prices");
    }

    private SearchResult search(StripeCall call) {
        return store.search(call.accountId(), "price", SearchRequest.from(call), SEARCH, "/v1/prices/search");
    }
}
