package dev.paydeck.billing;

import dev.paydeck.shared.mirror.StateOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transition tables of coupons and tax rates: a coupon that expired or was used up never becomes valid again and
 * a deleted one never comes back; a tax rate goes between active and archived as often as it likes.
 */
class CouponAndTaxRateStatusTests {

    @Test
    void aCouponOnlyMovesTowardsInvalidAndDeleted() {
        StateOrder<CouponStatus> order = CouponStatus.ORDER;
        assertThat(order.allows(CouponStatus.PENDING, CouponStatus.VALID)).isTrue();
        assertThat(order.allows(CouponStatus.UNKNOWN, CouponStatus.VALID)).isTrue();
        assertThat(order.allows(CouponStatus.VALID, CouponStatus.INVALID)).isTrue();
        assertThat(order.allows(CouponStatus.INVALID, CouponStatus.DELETED)).isTrue();
        assertThat(order.allows(CouponStatus.INVALID, CouponStatus.VALID)).as("an expired coupon stays expired")
                .isFalse();
        assertThat(order.allows(CouponStatus.VALID, CouponStatus.PENDING)).isFalse();
        assertThat(order.finalStatuses()).containsExactly(CouponStatus.DELETED);
        assertThat(order.decide(CouponStatus.DELETED, 10L, CouponStatus.VALID, 20)).isEqualTo(StateOrder.Decision.SKIP);
        assertThat(order.decide(CouponStatus.VALID, 20L, CouponStatus.DELETED, 10)).as("an older event")
                .isEqualTo(StateOrder.Decision.SKIP);
        assertThat(order.decide(CouponStatus.INVALID, 10L, CouponStatus.VALID, 20)).as("looks backwards: re-read")
                .isEqualTo(StateOrder.Decision.RE_READ);
        assertThat(CouponStatus.VALID.inStripe()).isTrue();
        assertThat(CouponStatus.DELETED.inStripe()).isFalse();
        assertThat(CouponStatus.UNKNOWN.unresolved()).isTrue();
    }

    @Test
    void aTaxRateIsArchivedAndMadeActiveAgainButNeverUnconfirmedAgain() {
        StateOrder<TaxRateStatus> order = TaxRateStatus.ORDER;
        assertThat(order.finalStatuses()).isEmpty();
        assertThat(order.allows(TaxRateStatus.ACTIVE, TaxRateStatus.ARCHIVED)).isTrue();
        assertThat(order.allows(TaxRateStatus.ARCHIVED, TaxRateStatus.ACTIVE)).isTrue();
        assertThat(order.allows(TaxRateStatus.ACTIVE, TaxRateStatus.UNKNOWN)).isFalse();
        assertThat(order.allows(TaxRateStatus.ARCHIVED, TaxRateStatus.PENDING)).isFalse();
        assertThat(TaxRateStatus.ARCHIVED.inStripe()).isTrue();
        assertThat(TaxRateStatus.PENDING.inStripe()).isFalse();
    }
}
