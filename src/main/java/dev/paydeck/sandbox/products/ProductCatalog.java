package dev.paydeck.sandbox.products;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.prices.InlineProducts;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's products as other parts of the sandbox need them: a product made inline for a price
 * ({@code product_data}), the checks prices make of theirs, and the list the sandbox's pages show.
 */
@Service
public class ProductCatalog implements InlineProducts {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;

    ProductCatalog(ObjectStore store, SandboxClock clock, SandboxEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public String create(StripeCall call, Map<String, Object> productData) {
        ObjectNode product = newProduct(store, clock, call, (String) productData.get("id"), "product_data[id]");
        ProductJson.apply(product, productData);
        store.insert(call.accountId(), product);
        events.publish(call, "product.created", product);
        return product.get("id").asString();
    }

    @Override
    public void require(StripeCall call, String productId, String param) {
        store.find(call.accountId(), productId).filter(found -> "product".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("product", productId, param));
    }

    @Override
    public String defaultPrice(String accountId, String productId) {
        return store.find(accountId, productId).map(product -> product.path("default_price").asString(null))
                .orElse(null);
    }

    /** The account's newest products, for the sandbox's pages. */
    public List<ObjectNode> recent(String accountId, int limit) {
        return store.list(accountId, "product", new ListQuery(new LinkedHashMap<>(), new LinkedHashMap<>(), Map.of(),
                limit, null, null), "/v1/products").data();
    }

    /** A new product with Stripe's defaults, under the id the caller chose (refused if taken) or a new one. */
    static ObjectNode newProduct(ObjectStore store, SandboxClock clock, StripeCall call, String id, String param) {
        ObjectNode product = store.newObject("product", "prod", clock.now());
        if (id != null) {
            if (store.find(call.accountId(), id).isPresent()) {
                throw StripeError.builder(400).code("resource_already_exists").param(param)
                        .message("Product already exists.").build();
            }
            product.put("id", id);
        }
        return ProductJson.create(product);
    }
}
