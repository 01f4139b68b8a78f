package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.param.EventListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceSearchParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxPricesIntegrationTests extends SandboxTest {

    private Product product;

    @BeforeEach
    void product() throws Exception {
        product = stripe.v1().products().create(ProductCreateParams.builder().setName("Seats").build());
    }

    @Test
    void createsAOneTimeAndARecurringPrice() throws Exception {
        Price once = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("EUR").setUnitAmount(2500L).setNickname("Setup").putMetadata("kind", "setup").build());

        assertThat(once.getId()).startsWith("price_");
        assertThat(once.getType()).isEqualTo("one_time");
        assertThat(once.getCurrency()).isEqualTo("eur");
        assertThat(once.getBillingScheme()).isEqualTo("per_unit");
        assertThat(once.getUnitAmountDecimal()).isEqualByComparingTo("2500");
        assertThat(once.getRecurring()).isNull();
        assertThat(once.getTaxBehavior()).isEqualTo("unspecified");
        assertThat(once.getActive()).isTrue();

        Price yearly = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmountDecimal(new BigDecimal("1999.5"))
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.YEAR).setIntervalCount(3L).build())
                .setTaxBehavior(PriceCreateParams.TaxBehavior.EXCLUSIVE).build());

        assertThat(yearly.getType()).isEqualTo("recurring");
        assertThat(yearly.getUnitAmount()).as("a fraction of a cent has no integer amount").isNull();
        assertThat(yearly.getUnitAmountDecimal()).isEqualByComparingTo("1999.5");
        assertThat(yearly.getRecurring().getIntervalCount()).isEqualTo(3L);
        assertThat(yearly.getRecurring().getUsageType()).isEqualTo("licensed");
        assertThat(stripe.v1().prices().retrieve(yearly.getId()).getTaxBehavior()).isEqualTo("exclusive");
    }

    @Test
    void refusesAnIntervalLongerThanThreeYearsAndAMeteredPriceWithoutAMeter() {
        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd").setUnitAmount(100L)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).setIntervalCount(37L).build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("recurring[interval_count]"));
        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd").setUnitAmount(100L)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                        .setUsageType(PriceCreateParams.Recurring.UsageType.METERED).build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("recurring[meter]"));
    }

    @Test
    void createsTieredPricesGraduatedAndVolume() throws Exception {
        Price graduated = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.GRADUATED)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(5L).setUnitAmount(500L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(10L).setUnitAmount(400L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(PriceCreateParams.Tier.UpTo.INF)
                        .setUnitAmountDecimal(new BigDecimal("300.5")).setFlatAmount(100L).build())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .build());

        assertThat(graduated.getBillingScheme()).isEqualTo("tiered");
        assertThat(graduated.getTiersMode()).isEqualTo("graduated");
        assertThat(graduated.getUnitAmount()).isNull();
        assertThat(graduated.getTiers()).extracting(Price.Tier::getUpTo).containsExactly(5L, 10L, null);
        assertThat(graduated.getTiers().get(2).getUnitAmount()).isNull();
        assertThat(graduated.getTiers().get(2).getUnitAmountDecimal()).isEqualByComparingTo("300.5");
        assertThat(graduated.getTiers().get(2).getFlatAmount()).isEqualTo(100L);

        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd")
                .setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.VOLUME)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(5L).setUnitAmount(500L).build())
                .build()))
                .as("the last tier goes up to inf")
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("tiers[0][up_to]"));
        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd")
                .setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.VOLUME)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(10L).setUnitAmount(500L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(5L).setUnitAmount(400L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(PriceCreateParams.Tier.UpTo.INF)
                        .setUnitAmount(300L).build())
                .build()))
                .as("tiers go up")
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("tiers[1][up_to]"));
        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd").setUnitAmount(100L)
                .setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.VOLUME)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(PriceCreateParams.Tier.UpTo.INF)
                        .setUnitAmount(300L).build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("unit_amount"));
    }

    @Test
    void transformsTheQuantity() throws Exception {
        Price packs = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L)
                .setTransformQuantity(PriceCreateParams.TransformQuantity.builder().setDivideBy(5L)
                        .setRound(PriceCreateParams.TransformQuantity.Round.UP).build())
                .build());

        assertThat(packs.getTransformQuantity().getDivideBy()).isEqualTo(5L);
        assertThat(packs.getTransformQuantity().getRound()).isEqualTo("up");
    }

    @Test
    void refusesAPriceWithoutAnAmountOrAProduct() {
        var noAmount = sandboxCall("POST", "/v1/prices", "currency=usd&product=" + product.getId(), secretKey);
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(json(noAmount).at("/error/code").asString()).isEqualTo("parameter_missing");
        assertThat(json(noAmount).at("/error/param").asString()).isEqualTo("unit_amount");

        var noProduct = sandboxCall("POST", "/v1/prices", "currency=usd&unit_amount=100", secretKey);
        assertThat(noProduct.statusCode()).isEqualTo(400);
        assertThat(json(noProduct).at("/error/message").asString()).contains("`product` or `product_data`");

        var missingProduct = sandboxCall("POST", "/v1/prices", "currency=usd&unit_amount=100&product=prod_nope",
                secretKey);
        assertThat(missingProduct.statusCode()).isEqualTo(404);
        assertThat(json(missingProduct).at("/error/message").asString()).isEqualTo("No such product: 'prod_nope'");

        var both = sandboxCall("POST", "/v1/prices", "currency=usd&unit_amount=100&unit_amount_decimal=100.5&"
                + "product=" + product.getId(), secretKey);
        assertThat(json(both).at("/error/message").asString())
                .isEqualTo("You may only specify one of these parameters: unit_amount, unit_amount_decimal.");
    }

    @Test
    void createsItsProductInlineFromProductData() throws Exception {
        Price price = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("gbp").setUnitAmount(700L)
                .setProductData(PriceCreateParams.ProductData.builder().setName("Tea").build()).build());

        Product tea = stripe.v1().products().retrieve(price.getProduct());
        assertThat(tea.getName()).isEqualTo("Tea");
        assertThat(tea.getDefaultPrice()).isNull();
        List<String> types = stripe.v1().events().list().getData().stream().map(Event::getType).toList();
        assertThat(types).startsWith("price.created", "product.created");
    }

    @Test
    void aLookupKeyNamesOnePriceAndMovesOnlyWhenTransferred() throws Exception {
        Price first = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).setLookupKey("standard_monthly").build());

        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd").setUnitAmount(1200L)
                .setLookupKey("standard_monthly").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getParam()).isEqualTo("lookup_key");
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("A price (`" + first.getId() + "`) already uses that lookup key.");
                });

        Price second = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1200L).setLookupKey("standard_monthly")
                .setTransferLookupKey(true).build());

        assertThat(second.getLookupKey()).isEqualTo("standard_monthly");
        assertThat(stripe.v1().prices().retrieve(first.getId()).getLookupKey()).isNull();
        assertThat(stripe.v1().prices().list(PriceListParams.builder().addLookupKey("standard_monthly")
                .addLookupKey("other").build()).getData()).extracting(Price::getId).containsExactly(second.getId());
        Event moved = stripe.v1().events().list(EventListParams.builder().setType("price.updated").build())
                .getData().getFirst();
        assertThat(((Price) moved.getDataObjectDeserializer().getObject().orElseThrow()).getId())
                .isEqualTo(first.getId());
    }

    @Test
    void updatesWhatStripeLetsChangeAndNothingElse() throws Exception {
        Price price = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).build());

        Price updated = stripe.v1().prices().update(price.getId(), PriceUpdateParams.builder().setNickname("Monthly")
                .setActive(false).setTaxBehavior(PriceUpdateParams.TaxBehavior.INCLUSIVE).putMetadata("a", "b")
                .build());
        assertThat(updated.getNickname()).isEqualTo("Monthly");
        assertThat(updated.getActive()).isFalse();
        assertThat(updated.getTaxBehavior()).isEqualTo("inclusive");

        assertThatThrownBy(() -> stripe.v1().prices().update(price.getId(), PriceUpdateParams.builder()
                .setTaxBehavior(PriceUpdateParams.TaxBehavior.EXCLUSIVE).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("tax_behavior"));
        var amount = sandboxCall("POST", "/v1/prices/" + price.getId(), "unit_amount=5", secretKey);
        assertThat(amount.statusCode()).isEqualTo(400);
        assertThat(json(amount).at("/error/code").asString()).isEqualTo("parameter_unknown");
    }

    @Test
    void listsWithFiltersAndSearches() throws Exception {
        Product other = stripe.v1().products().create(ProductCreateParams.builder().setName("Other").build());
        Price monthly = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).setLookupKey("seat_monthly")
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
        Price yearly = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(10000L)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.YEAR).build()).build());
        Price once = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(other.getId())
                .setCurrency("eur").setUnitAmount(500L).setActive(false).build());

        assertThat(stripe.v1().prices().list(PriceListParams.builder().setProduct(product.getId()).build())
                .getData()).extracting(Price::getId).containsExactly(yearly.getId(), monthly.getId());
        assertThat(stripe.v1().prices().list(PriceListParams.builder().setType(PriceListParams.Type.ONE_TIME)
                .build()).getData()).extracting(Price::getId).containsExactly(once.getId());
        assertThat(stripe.v1().prices().list(PriceListParams.builder().setActive(true).setCurrency("usd")
                .setRecurring(PriceListParams.Recurring.builder()
                        .setInterval(PriceListParams.Recurring.Interval.MONTH).build())
                .build()).getData()).extracting(Price::getId).containsExactly(monthly.getId());

        assertThat(stripe.v1().prices().search(PriceSearchParams.builder()
                .setQuery("product:'" + product.getId() + "' AND lookup_key:'seat_monthly'").build()).getData())
                .extracting(Price::getId).containsExactly(monthly.getId());
        assertThat(stripe.v1().prices().search(PriceSearchParams.builder()
                .setQuery("active:'false' OR currency:'EUR'").build()).getData())
                .extracting(Price::getId).containsExactly(once.getId());
    }
}
