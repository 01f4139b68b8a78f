package dev.paydeck.sandbox.prices;

import dev.paydeck.sandbox.api.StripeCall;

import java.util.Map;

/**
 * What prices need of products, which the products package provides (so that prices know no product code, and
 * products, which create their {@code default_price_data}, may know prices).
 */
public interface InlineProducts {

    /** Creates the product of a price's {@code product_data} (with its {@code product.created} event); its id. */
    String create(StripeCall call, Map<String, Object> productData);

    /** Checks that the account has this product, with Stripe's "No such product" otherwise. */
    void require(StripeCall call, String productId, String param);

    /** The product's {@code default_price}, if it has one. */
    String defaultPrice(String accountId, String productId);
}
