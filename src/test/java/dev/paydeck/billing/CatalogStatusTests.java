package dev.paydeck.billing;

import dev.paydeck.shared.mirror.StateOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's transition tables: archiving goes both ways, a deleted product never comes back. */
class CatalogStatusTests {

    @Test
    void productsMoveBetweenActiveAndArchivedButStayDeleted() {
        StateOrder<ProductStatus> order = ProductStatus.ORDER;
        assertThat(order.allows(ProductStatus.PENDING, ProductStatus.ACTIVE)).isTrue();
        assertThat(order.allows(ProductStatus.UNKNOWN, ProductStatus.ACTIVE)).isTrue();
        assertThat(order.allows(ProductStatus.ACTIVE, ProductStatus.ARCHIVED)).isTrue();
        assertThat(order.allows(ProductStatus.ARCHIVED, ProductStatus.ACTIVE)).isTrue();
        assertThat(order.allows(ProductStatus.ACTIVE, ProductStatus.PENDING)).isFalse();
        assertThat(order.finalStatuses()).containsExactly(ProductStatus.DELETED);
        assertThat(order.decide(ProductStatus.DELETED, 10L, ProductStatus.ACTIVE, 20))
                .isEqualTo(StateOrder.Decision.SKIP);
        assertThat(order.decide(ProductStatus.ACTIVE, 20L, ProductStatus.ARCHIVED, 10))
                .as("an older event").isEqualTo(StateOrder.Decision.SKIP);
    }

    @Test
    void pricesAreNeverFinalOnceInStripeAndNeverUnconfirmedAgain() {
        StateOrder<PriceStatus> order = PriceStatus.ORDER;
        assertThat(order.finalStatuses()).isEmpty();
        assertThat(order.allows(PriceStatus.ARCHIVED, PriceStatus.ACTIVE)).isTrue();
        assertThat(order.allows(PriceStatus.ACTIVE, PriceStatus.UNKNOWN)).isFalse();
        assertThat(order.allows(PriceStatus.ARCHIVED, PriceStatus.PENDING)).isFalse();
    }
}
