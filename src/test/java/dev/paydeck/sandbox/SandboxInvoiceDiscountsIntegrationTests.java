package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PromotionCode;
import com.stripe.model.TaxRate;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoiceUpdateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Discounts on invoices and invoice items: coupons and promotion codes become discounts, their amounts come off the
 * lines before tax, and the totals follow; redemption limits and promotion code restrictions are enforced.
 */
class SandboxInvoiceDiscountsIntegrationTests extends SandboxTest {

    private Customer customer;

    @BeforeEach
    void customer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
    }

    @Test
    void aPercentageOffComesOffEachLineBeforeAnExclusiveTax() throws Exception {
        Coupon coupon = percentOff("10");
        TaxRate vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("20")).setInclusive(false).build());
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .addDefaultTaxRate(vat.getId())
                .addDiscount(InvoiceCreateParams.Discount.builder().setCoupon(coupon.getId()).build()).build());
        item(draft, 1000L);
        item(draft, 3000L);

        Invoice invoice = stripe.v1().invoices().retrieve(draft.getId());

        assertThat(invoice.getDiscounts()).singleElement().asString().startsWith("di_");
        String discount = invoice.getDiscounts().getFirst();
        assertThat(invoice.getLines().getData()).extracting(line -> line.getDiscountAmounts().getFirst().getAmount())
                .containsExactly(100L, 300L);
        assertThat(invoice.getLines().getData()).extracting(line -> line.getDiscountAmounts().getFirst()
                .getDiscount()).containsOnly(discount);
        assertThat(invoice.getLines().getData()).extracting(line -> line.getTaxes().getFirst().getTaxableAmount())
                .as("taxed after the discount").containsExactly(900L, 2700L);
        assertThat(invoice.getSubtotal()).isEqualTo(4000L);
        assertThat(invoice.getTotalDiscountAmounts()).singleElement().satisfies(amount -> {
            assertThat(amount.getAmount()).isEqualTo(400L);
            assertThat(amount.getDiscount()).isEqualTo(discount);
        });
        assertThat(invoice.getTotalExcludingTax()).isEqualTo(3600L);
        assertThat(invoice.getTotal()).isEqualTo(4320L);
        assertThat(invoice.getAmountDue()).isEqualTo(4320L);
        assertThat(stripe.v1().coupons().retrieve(coupon.getId()).getTimesRedeemed()).isEqualTo(1L);

        Invoice paid = stripe.v1().invoices().pay(draft.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build());
        assertThat(paid.getAmountPaid()).isEqualTo(4320L);
    }

    @Test
    void anItemsOwnAmountOffComesBeforeTheInvoicesDiscount() throws Exception {
        Coupon fiveOff = stripe.v1().coupons().create(CouponCreateParams.builder().setAmountOff(500L)
                .setCurrency("usd").build());
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .addDiscount(InvoiceCreateParams.Discount.builder().setCoupon(percentOff("50").getId()).build())
                .build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setInvoice(draft.getId()).setAmount(2000L)
                .addDiscount(InvoiceItemCreateParams.Discount.builder().setCoupon(fiveOff.getId()).build()).build());

        Invoice invoice = stripe.v1().invoices().retrieve(draft.getId());

        InvoiceLineItem line = invoice.getLines().getData().getFirst();
        assertThat(line.getDiscounts()).as("the line's own discounts").hasSize(1);
        assertThat(line.getDiscountAmounts()).extracting(amount -> amount.getAmount()).containsExactly(500L, 750L);
        assertThat(invoice.getTotal()).isEqualTo(750L);
    }

    @Test
    void anAmountOffInAnotherCurrencyIsRefused() throws Exception {
        Coupon euros = stripe.v1().coupons().create(CouponCreateParams.builder().setAmountOff(500L)
                .setCurrency("eur").build());

        assertThatThrownBy(() -> stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer.getId()).setCurrency("usd")
                .addDiscount(InvoiceCreateParams.Discount.builder().setCoupon(euros.getId()).build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStripeError().getParam()).isEqualTo("discounts[0][coupon]");
                    assertThat(error.getStripeError().getMessage()).contains("eur").contains("usd");
                });
    }

    @Test
    void aCouponLimitedToAProductDiscountsOnlyItsLines() throws Exception {
        var product = stripe.v1().products().create(com.stripe.param.ProductCreateParams.builder()
                .setName("Seat").build());
        var price = stripe.v1().prices().create(com.stripe.param.PriceCreateParams.builder()
                .setProduct(product.getId()).setCurrency("usd").setUnitAmount(1000L).build());
        Coupon seatsOnly = stripe.v1().coupons().create(CouponCreateParams.builder()
                .setPercentOff(new BigDecimal("25")).setAppliesTo(CouponCreateParams.AppliesTo.builder()
                        .addProduct(product.getId()).build()).build());
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setInvoice(draft.getId()).setPricing(InvoiceItemCreateParams.Pricing.builder()
                        .setPrice(price.getId()).build()).setQuantity(2L).build());
        item(draft, 1000L);

        Invoice invoice = stripe.v1().invoices().update(draft.getId(), InvoiceUpdateParams.builder()
                .addDiscount(InvoiceUpdateParams.Discount.builder().setCoupon(seatsOnly.getId()).build()).build());

        assertThat(invoice.getLines().getData()).extracting(line -> line.getDiscountAmounts().stream()
                .mapToLong(amount -> amount.getAmount()).sum()).containsExactly(500L, 0L);
        assertThat(invoice.getTotal()).isEqualTo(2500L);

        Invoice undiscounted = stripe.v1().invoices().update(draft.getId(), InvoiceUpdateParams.builder()
                .setDiscounts(com.stripe.param.common.EmptyParam.EMPTY).build());
        assertThat(undiscounted.getDiscounts()).isEmpty();
        assertThat(undiscounted.getTotalDiscountAmounts()).isEmpty();
        assertThat(undiscounted.getTotal()).isEqualTo(3000L);
    }

    @Test
    void aCouponRedeemedItsMaximumTimesIsRefused() throws Exception {
        Coupon once = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal("5"))
                .setMaxRedemptions(1L).build());
        stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .addDiscount(InvoiceCreateParams.Discount.builder().setCoupon(once.getId()).build()).build());

        assertThatThrownBy(() -> stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer.getId())
                .addDiscount(InvoiceCreateParams.Discount.builder().setCoupon(once.getId()).build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("max_redemptions"));
        Coupon after = stripe.v1().coupons().retrieve(once.getId());
        assertThat(after.getTimesRedeemed()).isEqualTo(1L);
        assertThat(after.getValid()).isFalse();
    }

    @Test
    void aPromotionCodesRestrictionsAreChecked() throws Exception {
        Coupon coupon = percentOff("20");
        PromotionCode bigOrders = promotionCode(coupon, PromotionCodeCreateParams.Restrictions.builder()
                .setMinimumAmount(5000L).setMinimumAmountCurrency("usd").build(), null);
        Invoice small = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .addDiscount(InvoiceCreateParams.Discount.builder().setPromotionCode(bigOrders.getId()).build())
                .build());
        item(small, 1000L);
        assertThatThrownBy(() -> stripe.v1().invoices().finalizeInvoice(small.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("minimum amount").contains("$50.00"));
        assertThat(stripe.v1().promotionCodes().retrieve(bigOrders.getId()).getTimesRedeemed()).isEqualTo(1L);

        Customer other = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace").build());
        PromotionCode forOther = promotionCode(coupon, null, other.getId());
        assertThatThrownBy(() -> stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer.getId()).addDiscount(InvoiceCreateParams.Discount.builder()
                        .setPromotionCode(forOther.getId()).build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getParam()).isEqualTo("discounts[0][promotion_code]"));

        Invoice first = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .build());
        item(first, 700L);
        stripe.v1().invoices().pay(first.getId(), InvoicePayParams.builder().setPaidOutOfBand(true).build());
        PromotionCode newcomers = promotionCode(coupon, PromotionCodeCreateParams.Restrictions.builder()
                .setFirstTimeTransaction(true).build(), null);
        Invoice second = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .addDiscount(InvoiceCreateParams.Discount.builder().setPromotionCode(newcomers.getId()).build())
                .build());
        item(second, 700L);
        assertThatThrownBy(() -> stripe.v1().invoices().finalizeInvoice(second.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("prior transactions"));
    }

    @Test
    void addingAnItemToADraftAnnouncesTheInvoicesNewAmounts() throws Exception {
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .build());

        item(draft, 1200L);

        Event updated = stripe.v1().events().list(EventListParams.builder().setType("invoice.updated").build())
                .getData().getFirst();
        assertThat(((Invoice) updated.getDataObjectDeserializer().getObject().orElseThrow()).getTotal())
                .isEqualTo(1200L);
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = updated.getData().getPreviousAttributes();
        assertThat(((Number) previous.get("total")).longValue()).isZero();
        assertThat(((Number) previous.get("amount_due")).longValue()).isZero();
    }

    private Coupon percentOff(String percent) throws Exception {
        return stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal(percent))
                .build());
    }

    private PromotionCode promotionCode(Coupon coupon, PromotionCodeCreateParams.Restrictions restrictions,
            String forCustomer) throws Exception {
        PromotionCodeCreateParams.Builder params = PromotionCodeCreateParams.builder().setPromotion(
                PromotionCodeCreateParams.Promotion.builder().setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
                        .setCoupon(coupon.getId()).build());
        if (restrictions != null) {
            params.setRestrictions(restrictions);
        }
        if (forCustomer != null) {
            params.setCustomer(forCustomer);
        }
        return stripe.v1().promotionCodes().create(params.build());
    }

    private void item(Invoice draft, long amount) throws Exception {
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setInvoice(draft.getId()).setAmount(amount).build());
    }
}
