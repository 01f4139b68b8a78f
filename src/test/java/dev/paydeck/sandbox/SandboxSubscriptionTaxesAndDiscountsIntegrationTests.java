package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.TaxRate;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionItemUpdateParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A subscription's tax rates and discounts through stripe-java: its {@code default_tax_rates} and its items'
 * {@code tax_rates}, shown on it and carried onto every invoice it makes (the first, renewals moved by calling the
 * sandbox's {@link ClockWork}s as a test clock's advance would, prorations); its {@code discounts}, applied to its
 * invoices for as long as their coupons' durations say.
 */
class SandboxSubscriptionTaxesAndDiscountsIntegrationTests extends SandboxTest {

    @Autowired
    private List<ClockWork> clockWorks;
    @Autowired
    private SandboxAccounts accounts;

    private Customer customer;
    private Price basic;
    private TaxRate vat;
    private TaxRate reduced;

    @BeforeEach
    void customerPriceAndRates() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").build());
        PaymentMethod card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build())
                .build());
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Basic").build());
        basic = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
        vat = taxRate("VAT", "20");
        reduced = taxRate("Reduced VAT", "5.5");
    }

    @Test
    void defaultTaxRatesTaxTheFirstInvoiceAndEachRenewal() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).setQuantity(2L).build())
                .addDefaultTaxRate(vat.getId()).addExpand("latest_invoice").build());

        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getDefaultTaxRates()).extracting(TaxRate::getId).containsExactly(vat.getId());
        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getSubtotal()).isEqualTo(2000L);
        assertThat(first.getTotalTaxes()).singleElement().satisfies(tax -> {
            assertThat(tax.getAmount()).isEqualTo(400L);
            assertThat(tax.getTaxRateDetails().getTaxRate()).isEqualTo(vat.getId());
        });
        assertThat(first.getTotal()).as("the amount and its 20 %").isEqualTo(2400L);
        assertThat(first.getAmountPaid()).isEqualTo(2400L);
        assertThat(first.getLines().getData().getFirst().getTaxes()).singleElement()
                .satisfies(tax -> assertThat(tax.getAmount()).isEqualTo(400L));

        runDue(subscription.getItems().getData().getFirst().getCurrentPeriodEnd());

        Invoice renewal = retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject();
        assertThat(renewal.getId()).isNotEqualTo(first.getId());
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getTotal()).isEqualTo(2400L);
        assertThat(renewal.getAmountPaid()).isEqualTo(2400L);
    }

    @Test
    void anItemsOwnTaxRatesTakeThePlaceOfTheDefaultsAndUpdatesChangeBoth() throws Exception {
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).addTaxRate(reduced.getId()).build())
                .addDefaultTaxRate(vat.getId()).addExpand("latest_invoice").build());

        SubscriptionItem item = subscription.getItems().getData().getFirst();
        assertThat(item.getTaxRates()).extracting(TaxRate::getId).containsExactly(reduced.getId());
        assertThat(subscription.getLatestInvoiceObject().getTotal()).as("5.5 % of $10.00 rounded").isEqualTo(1055L);

        SubscriptionItem untaxed = stripe.v1().subscriptionItems().update(item.getId(), SubscriptionItemUpdateParams
                .builder().setTaxRates(com.stripe.param.common.EmptyParam.EMPTY).build());
        assertThat(untaxed.getTaxRates()).isEmpty();
        Subscription changed = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setDefaultTaxRates(com.stripe.param.common.EmptyParam.EMPTY).build());
        assertThat(changed.getDefaultTaxRates()).isEmpty();
        changed = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addDefaultTaxRate(reduced.getId()).build());
        assertThat(changed.getDefaultTaxRates()).extracting(TaxRate::getId).containsExactly(reduced.getId());

        // A change of quantity invoiced at once: its prorations are taxed as the item is (by the defaults now).
        Subscription doubled = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(2L)
                        .build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .addExpand("latest_invoice").build());
        Invoice prorations = doubled.getLatestInvoiceObject();
        assertThat(prorations.getBillingReason()).isEqualTo("subscription_update");
        assertThat(prorations.getLines().getData()).hasSize(2).allSatisfy(line -> assertThat(line.getTaxes())
                .singleElement().satisfies(tax -> {
                    assertThat(tax.getTaxRateDetails().getTaxRate()).isEqualTo(reduced.getId());
                    assertThat(tax.getAmount()).isEqualTo(new BigDecimal(line.getAmount())
                            .multiply(new BigDecimal("0.055")).setScale(0, java.math.RoundingMode.HALF_UP)
                            .longValueExact());
                }));
        long taxes = prorations.getLines().getData().stream().mapToLong(line -> line.getTaxes().getFirst()
                .getAmount()).sum();
        assertThat(prorations.getTotal()).isEqualTo(prorations.getSubtotal() + taxes);
        assertThat(prorations.getLines().getData()).extracting(InvoiceLineItem::getAmount)
                .anySatisfy(amount -> assertThat(amount).isNegative());
    }

    @Test
    void unknownTaxRatesAreRefusedWithStripesResourceMissingError() throws Exception {
        assertThatThrownBy(() -> stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build())
                .addDefaultTaxRate("txr_missing").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                    assertThat(error.getParam()).isEqualTo("default_tax_rates[0]");
                    assertThat(error.getMessage()).contains("No such tax_rate: 'txr_missing'");
                });
        assertThatThrownBy(() -> stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).addTaxRate(vat.getId()).addTaxRate("txr_missing").build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                    assertThat(error.getParam()).isEqualTo("items[0][tax_rates][1]");
                });
    }

    @Test
    void aOnceCouponDiscountsTheFirstInvoiceOnlyAndIsRedeemedOnce() throws Exception {
        Coupon quarter = coupon(CouponCreateParams.Duration.ONCE, null);

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build())
                .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon(quarter.getId()).build())
                .addExpand("latest_invoice").build());

        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getTotal()).as("25 % off $10.00").isEqualTo(750L);
        assertThat(first.getAmountPaid()).isEqualTo(750L);
        assertThat(first.getTotalDiscountAmounts()).singleElement()
                .satisfies(off -> assertThat(off.getAmount()).isEqualTo(250L));
        assertThat(subscription.getDiscounts()).as("used up on the first invoice").isEmpty();
        assertThat(stripe.v1().coupons().retrieve(quarter.getId()).getTimesRedeemed()).isEqualTo(1L);

        runDue(subscription.getItems().getData().getFirst().getCurrentPeriodEnd());

        Invoice renewal = retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject();
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getTotal()).as("full price").isEqualTo(1000L);
        assertThat(stripe.v1().coupons().retrieve(quarter.getId()).getTimesRedeemed()).isEqualTo(1L);
    }

    @Test
    void aRepeatingCouponDiscountsTwoMonthsOfInvoicesThenFullPriceWithTaxesOnWhatIsLeft() throws Exception {
        Coupon quarter = coupon(CouponCreateParams.Duration.REPEATING, 2L);

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build())
                .addDefaultTaxRate(vat.getId())
                .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon(quarter.getId()).build())
                .addAllExpand(List.of("latest_invoice", "discounts")).build());

        assertThat(subscription.getDiscountObjects()).singleElement().satisfies(discount -> {
            assertThat(discount.getId()).startsWith("di_");
            assertThat(discount.getSubscription()).isEqualTo(subscription.getId());
            assertThat(discount.getSource().getCoupon()).isEqualTo(quarter.getId());
            assertThat(discount.getEnd()).isEqualTo(java.time.Instant.ofEpochSecond(discount.getStart())
                    .atZone(java.time.ZoneOffset.UTC).plusMonths(2).toEpochSecond());
        });
        List<Long> totals = new java.util.ArrayList<>();
        totals.add(subscription.getLatestInvoiceObject().getTotal());
        for (int month = 0; month < 3; month++) {
            runDue(stripe.v1().subscriptions().retrieve(subscription.getId()).getItems().getData().getFirst()
                    .getCurrentPeriodEnd());
            totals.add(retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject().getTotal());
        }

        assertThat(totals).as("$7.50 and its 20 % twice, then $10.00 and its 20 %")
                .containsExactly(900L, 900L, 1200L, 1200L);
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getDiscounts()).isEmpty();
        assertThat(stripe.v1().coupons().retrieve(quarter.getId()).getTimesRedeemed()).isEqualTo(1L);
    }

    @Test
    void discountsAreAddedByUpdateKeptByIdAndRemovedWithAnEmptyValue() throws Exception {
        Coupon quarter = coupon(CouponCreateParams.Duration.FOREVER, null);
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build()).build());

        Subscription discounted = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addDiscount(SubscriptionUpdateParams.Discount.builder().setCoupon(quarter.getId())
                        .build()).build());
        assertThat(discounted.getDiscounts()).singleElement().asString().startsWith("di_");
        String discountId = discounted.getDiscounts().getFirst();
        Subscription kept = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addDiscount(SubscriptionUpdateParams.Discount.builder().setDiscount(discountId).build())
                .build());
        assertThat(kept.getDiscounts()).containsExactly(discountId);
        assertThat(stripe.v1().coupons().retrieve(quarter.getId()).getTimesRedeemed()).isEqualTo(1L);

        assertThat(stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(subscription.getId()).build()).getTotal()).as("the renewal's preview").isEqualTo(750L);
        runDue(subscription.getItems().getData().getFirst().getCurrentPeriodEnd());
        assertThat(retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject().getTotal()).isEqualTo(750L);

        Subscription removed = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().setDiscounts(com.stripe.param.common.EmptyParam.EMPTY).build());
        assertThat(removed.getDiscounts()).isEmpty();
    }

    @Test
    void unknownCouponsAndPromotionCodesAreRefusedWithStripesResourceMissingError() throws Exception {
        assertThatThrownBy(() -> stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build())
                .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon("nope").build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                    assertThat(error.getParam()).isEqualTo("discounts[0][coupon]");
                });
        assertThatThrownBy(() -> stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(basic.getId()).build())
                .addDiscount(SubscriptionCreateParams.Discount.builder().setPromotionCode("promo_nope").build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                    assertThat(error.getParam()).isEqualTo("discounts[0][promotion_code]");
                });
    }

    private Coupon coupon(CouponCreateParams.Duration duration, Long months) throws Exception {
        return stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal("25"))
                .setDuration(duration).setDurationInMonths(months).build());
    }

    private TaxRate taxRate(String name, String percentage) throws Exception {
        return stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName(name)
                .setPercentage(new BigDecimal(percentage)).setInclusive(false).build());
    }

    private Subscription retrieveWithInvoice(String id) throws Exception {
        return stripe.v1().subscriptions().retrieve(id, SubscriptionRetrieveParams.builder()
                .addExpand("latest_invoice").build());
    }

    private void runDue(long at) {
        String accountId = accounts.byKey(secretKey).orElseThrow().id();
        clockWorks.forEach(work -> work.runDue(accountId, null, at));
    }
}
