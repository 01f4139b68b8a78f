package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an organization's public pricing page offers: the active recurring prices (per unit) of its active products,
 * by how often they are charged. It shows nothing else of the organization's catalog: no one-time, archived or
 * tiered price, no archived product, no Stripe id.
 */
@Service
public class Pricing {

    /** The metadata key (of the price, else of its product) giving the free trial's days, as Stripe's tools use. */
    static final String TRIAL_DAYS = "trial_period_days";

    /** How many products the page shows at most. */
    static final int MAX_PRODUCTS = 100;

    /** How often a plan is charged: every {@code count} {@code interval}s; {@code key} names it in the address. */
    public record Period(Price.Interval interval, int count) {

        public String key() {
            return count == 1 ? interval.code() : count + "-" + interval.code();
        }

        long days() {
            return count * switch (interval) {
                case DAY -> 1L;
                case WEEK -> 7L;
                case MONTH -> 30L;
                case YEAR -> 365L;
            };
        }
    }

    /** A product offered at this price, with its free trial's days (null: none). */
    public record Plan(Product product, Price price, Integer trialDays) {

        public Period period() {
            return new Period(price.recurring().interval(), price.recurring().intervalCount());
        }
    }

    /** A product with its plans in one period. */
    public record Offer(Product product, List<Plan> plans) {
    }

    private final Products products;
    private final Prices prices;

    Pricing(Products products, Prices prices) {
        this.products = products;
        this.prices = prices;
    }

    /** Every plan offered, cheapest first. */
    public List<Plan> plans(OrganizationId organization) {
        List<Product> active = products.list(organization, Set.of(ProductStatus.ACTIVE), MAX_PRODUCTS, null);
        Map<ProductId, Product> byId = new LinkedHashMap<>();
        active.forEach(product -> byId.put(product.id(), product));
        return prices.ofProducts(organization, List.copyOf(byId.keySet())).values().stream()
                .flatMap(List::stream)
                .filter(Pricing::offered)
                .map(price -> new Plan(byId.get(price.product()), price, trialDays(byId.get(price.product()), price)))
                .sorted(Comparator.comparing((Plan plan) -> plan.price().unitAmount().minor())
                        .thenComparing(plan -> plan.product().name()))
                .toList();
    }

    /** The periods plans are offered for, shortest first. */
    public static List<Period> periods(List<Plan> plans) {
        return plans.stream().map(Plan::period).distinct().sorted(Comparator.comparingLong(Period::days)).toList();
    }

    /** The plans of one period, by product (cheapest product first). */
    public static List<Offer> offers(List<Plan> plans, Period period) {
        Map<ProductId, List<Plan>> byProduct = new LinkedHashMap<>();
        plans.stream().filter(plan -> plan.period().equals(period))
                .forEach(plan -> byProduct.computeIfAbsent(plan.product().id(), id -> new java.util.ArrayList<>())
                        .add(plan));
        return byProduct.values().stream().map(list -> new Offer(list.getFirst().product(), List.copyOf(list)))
                .toList();
    }

    /** The plan of this price, if the page offers it. */
    public Optional<Plan> plan(OrganizationId organization, PriceId price) {
        return plans(organization).stream().filter(plan -> plan.price().id().equals(price)).findFirst();
    }

    private static boolean offered(Price price) {
        return price.status() == PriceStatus.ACTIVE && price.recurring() != null && price.unitAmount() != null;
    }

    /** From the price's metadata, else its product's: a whole number of days from 1 to 730 (Stripe's limit). */
    static Integer trialDays(Product product, Price price) {
        String text = Optional.ofNullable(price.metadata()).map(m -> m.get(TRIAL_DAYS))
                .or(() -> Optional.ofNullable(product.metadata()).map(m -> m.get(TRIAL_DAYS))).orElse(null);
        if (text == null || !text.strip().matches("[0-9]{1,3}")) {
            return null;
        }
        int days = Integer.parseInt(text.strip());
        return days >= 1 && days <= 730 ? days : null;
    }
}
