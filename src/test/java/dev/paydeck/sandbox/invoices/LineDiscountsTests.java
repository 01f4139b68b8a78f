package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.invoices.LineDiscounts.Discount;
import dev.paydeck.sandbox.invoices.LineDiscounts.Line;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiscountsTests {

    private static Discount percent(String id, String percent) {
        return new Discount(id, new BigDecimal(percent), 0, null);
    }

    private static Discount amount(String id, long amount) {
        return new Discount(id, null, amount, null);
    }

    private static Line line(long amount) {
        return new Line(amount, true, "prod_a", List.of());
    }

    @Test
    void aPercentageIsTakenFromEachLineAndRoundedHalfUp() {
        List<Map<String, Long>> amounts = LineDiscounts.of(List.of(line(1_005), line(333)),
                List.of(percent("di_p", "15")));

        // 15 % of 10.05 is 1.5075, of 3.33 is 0.4995: each rounds half up.
        assertThat(amounts).containsExactly(Map.of("di_p", 151L), Map.of("di_p", 50L));
    }

    @Test
    void anAmountOffIsSpreadInProportionAndAddsUpToTheCoupon() {
        List<Map<String, Long>> amounts = LineDiscounts.of(List.of(line(1_000), line(1_000), line(1_000)),
                List.of(amount("di_a", 1_000)));

        assertThat(amounts).extracting(map -> map.get("di_a")).containsExactly(333L, 333L, 334L);
    }

    @Test
    void anAmountOffNeverTakesMoreThanTheLinesHold() {
        List<Map<String, Long>> amounts = LineDiscounts.of(List.of(line(300), line(200)),
                List.of(amount("di_a", 5_000)));

        assertThat(amounts).extracting(map -> map.get("di_a")).containsExactly(300L, 200L);
    }

    @Test
    void aLinesOwnDiscountsComeBeforeTheInvoices() {
        Line withOwn = new Line(1_000, true, "prod_a", List.of(amount("di_item", 200)));

        List<Map<String, Long>> amounts = LineDiscounts.of(List.of(withOwn), List.of(percent("di_inv", "50")));

        // 50 % of what the item's 2.00 off left (8.00), not of 10.00.
        assertThat(amounts.getFirst()).containsEntry("di_item", 200L).containsEntry("di_inv", 400L);
    }

    @Test
    void couponsLimitedToProductsAndLinesNotDiscountableGetNothing() {
        Discount onlyB = new Discount("di_b", new BigDecimal("10"), 0, Set.of("prod_b"));
        Line notDiscountable = new Line(1_000, false, "prod_b", List.of());
        Line productB = new Line(1_000, true, "prod_b", List.of());

        List<Map<String, Long>> amounts = LineDiscounts.of(List.of(line(1_000), notDiscountable, productB),
                List.of(onlyB));

        assertThat(amounts).containsExactly(Map.of(), Map.of(), Map.of("di_b", 100L));
    }

    @Test
    void aLineWhoseAmountIncludesADiscountShowsItAtZeroAndTakesNoShareOfIt() {
        Line proration = new Line(750, true, "prod_a", List.of(), Set.of("di_sub"));

        List<Map<String, Long>> amounts = LineDiscounts.of(List.of(line(1_000), proration),
                List.of(percent("di_sub", "25"), amount("di_off", 500)));

        assertThat(amounts.get(0)).containsEntry("di_sub", 250L);
        assertThat(amounts.get(1)).containsEntry("di_sub", 0L);
        // The amount off is shared between the lines it applies to: the proration still takes its part of it.
        assertThat(amounts.get(0).get("di_off") + amounts.get(1).get("di_off")).isEqualTo(500L);
    }
}
