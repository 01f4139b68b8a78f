package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** What a customer calls a subscription: its first price's product ("Team plan"), as the pricing page shows it. */
@Service
public class PlanNames {

    private final Prices prices;
    private final Products products;

    PlanNames(Prices prices, Products products) {
        this.prices = prices;
        this.products = products;
    }

    /** The product's name of the subscription's first price; Stripe's price id when Paydeck knows no such price. */
    public String of(OrganizationId organization, Subscription subscription) {
        if (subscription.items().isEmpty()) {
            return "";
        }
        Subscription.Item first = subscription.items().getFirst();
        return Optional.ofNullable(first.price())
                .flatMap(price -> prices.find(organization, price))
                .flatMap(price -> products.find(organization, price.product())).map(Product::name)
                .orElse(first.stripePriceId());
    }
}
