package dev.paydeck.sandbox.prices;

import dev.paydeck.sandbox.prices.PriceAmounts.Rounding;
import dev.paydeck.sandbox.prices.PriceAmounts.Tier;
import dev.paydeck.sandbox.prices.PriceAmounts.TiersMode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceAmountsTests {

    /** Stripe's tiered-pricing guide: 1–5 units at $5.00, 6–10 at $4.00, 11+ at $3.00 (volume or graduated). */
    private static final List<Tier> GUIDE_TIERS = List.of(
            new Tier(5L, new BigDecimal("500"), null),
            new Tier(10L, new BigDecimal("400"), null),
            new Tier(null, new BigDecimal("300"), null));

    @Test
    void perUnitMultipliesTheUnitAmount() {
        assertThat(PriceAmounts.perUnit(new BigDecimal("1999")).amount(3)).isEqualTo(5997);
        assertThat(PriceAmounts.perUnit(new BigDecimal("1999")).amount(0)).isZero();
    }

    @Test
    void aDecimalUnitAmountIsRoundedOnlyOnTheTotal() {
        PriceAmounts tenthOfACent = PriceAmounts.perUnit(new BigDecimal("0.125"));

        assertThat(tenthOfACent.exactAmount(1000)).isEqualByComparingTo("125");
        assertThat(tenthOfACent.amount(1000)).isEqualTo(125);
        assertThat(tenthOfACent.amount(3)).as("0.375 rounds to 0").isZero();
        assertThat(tenthOfACent.amount(4)).as("0.5 rounds half up to 1").isEqualTo(1);
    }

    @Test
    void graduatedPricesEachUnitInTheTierItFallsIn() {
        PriceAmounts graduated = PriceAmounts.tiered(TiersMode.GRADUATED, GUIDE_TIERS);

        assertThat(graduated.amount(5)).isEqualTo(5 * 500);
        assertThat(graduated.amount(6)).isEqualTo(5 * 500 + 400);
        // 5 × $5 + 5 × $4 + 2 × $3 = $51
        assertThat(graduated.amount(12)).isEqualTo(5100);
        assertThat(graduated.amount(0)).isZero();
    }

    @Test
    void volumePricesEveryUnitAtTheTierTheWholeQuantityReaches() {
        PriceAmounts volume = PriceAmounts.tiered(TiersMode.VOLUME, GUIDE_TIERS);

        assertThat(volume.amount(5)).isEqualTo(5 * 500);
        assertThat(volume.amount(6)).isEqualTo(6 * 400);
        assertThat(volume.amount(12)).isEqualTo(12 * 300);
    }

    @Test
    void flatAmountsAreChargedOncePerTierReached() {
        List<Tier> tiers = List.of(
                new Tier(10L, BigDecimal.ZERO, new BigDecimal("1000")),
                new Tier(null, new BigDecimal("50"), new BigDecimal("200")));

        assertThat(PriceAmounts.tiered(TiersMode.GRADUATED, tiers).amount(10)).isEqualTo(1000);
        assertThat(PriceAmounts.tiered(TiersMode.GRADUATED, tiers).amount(14)).isEqualTo(1000 + 200 + 4 * 50);
        assertThat(PriceAmounts.tiered(TiersMode.VOLUME, tiers).amount(14)).isEqualTo(200 + 14 * 50);
        assertThat(PriceAmounts.tiered(TiersMode.VOLUME, tiers).amount(0)).as("the first tier's flat fee")
                .isEqualTo(1000);
    }

    @Test
    void transformQuantityDividesAndRoundsUpOrDown() {
        // $10 per pack of 5 seats
        PriceAmounts up = PriceAmounts.perUnit(new BigDecimal("1000")).transformed(5, Rounding.UP);
        PriceAmounts down = PriceAmounts.perUnit(new BigDecimal("1000")).transformed(5, Rounding.DOWN);

        assertThat(up.billedQuantity(11)).isEqualTo(3);
        assertThat(up.amount(11)).isEqualTo(3000);
        assertThat(up.amount(10)).isEqualTo(2000);
        assertThat(down.billedQuantity(14)).isEqualTo(2);
        assertThat(down.amount(4)).isZero();
    }

    @Test
    void readsAPriceAsTheSandboxRendersIt() {
        JsonMapper json = JsonMapper.builder().build();
        var tiered = json.readTree("""
                {"billing_scheme": "tiered", "tiers_mode": "graduated", "unit_amount_decimal": null,
                 "tiers": [{"up_to": 5, "unit_amount_decimal": "500", "flat_amount_decimal": null},
                           {"up_to": 10, "unit_amount_decimal": "400", "flat_amount_decimal": null},
                           {"up_to": null, "unit_amount_decimal": "300", "flat_amount_decimal": "100"}]}""");
        var packs = json.readTree("""
                {"billing_scheme": "per_unit", "unit_amount_decimal": "1000",
                 "transform_quantity": {"divide_by": 5, "round": "up"}}""");

        assertThat(PriceAmounts.of(tiered).amount(12)).isEqualTo(5100 + 100);
        assertThat(PriceAmounts.of(packs).amount(11)).isEqualTo(3000);
    }

    @Test
    void refusesANegativeQuantity() {
        assertThatThrownBy(() -> PriceAmounts.perUnit(BigDecimal.TEN).amount(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
