package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.SubscriptionUpdateParams;
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
 * Where a subscription's discounts go, through stripe-java: the subscription's on its invoices as a whole (the
 * invoice's {@code discounts}, an amount off shared between the lines, never more than they bill), on previews and
 * {@code invoice.upcoming} alike; an item's ({@code items[][discounts]}) on that item's lines only; and on the
 * prorations of a change, whose amounts include them as Stripe's do.
 */
class SandboxSubscriptionDiscountsIntegrationTests extends SandboxTest {

    @Autowired
    private List<ClockWork> clockWorks;
    @Autowired
    private SandboxAccounts accounts;

    private Customer customer;
    private Price basic;
    private Price extra;

    @BeforeEach
    void customerAndPrices() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").build());
        PaymentMethod card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build())
                .build());
        basic = monthly("Basic", 1000L);
        extra = monthly("Extra", 2000L);
    }

    @Test
    void anAmountOffCouponOfTheSubscriptionComesOffTheInvoiceOnceSharedBetweenItsLines() throws Exception {
        Coupon fiveOff = amountOff(500L, CouponCreateParams.Duration.FOREVER);

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic)).addItem(item(extra))
                .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon(fiveOff.getId()).build())
                .addExpand("latest_invoice").build());

        String discount = subscription.getDiscounts().getFirst();
        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getDiscounts()).as("the subscription's discount is the invoice's").containsExactly(discount);
        assertThat(first.getSubtotal()).isEqualTo(3000L);
        assertThat(first.getTotalDiscountAmounts()).singleElement().satisfies(off -> {
            assertThat(off.getAmount()).as("$5.00 off the invoice, not off each line").isEqualTo(500L);
            assertThat(off.getDiscount()).isEqualTo(discount);
        });
        assertThat(first.getTotal()).isEqualTo(2500L);
        assertThat(first.getAmountPaid()).isEqualTo(2500L);
        assertThat(first.getLines().getData()).extracting(line -> line.getDiscountAmounts().getFirst().getAmount())
                .as("shared in proportion to $10.00 and $20.00").containsExactly(167L, 333L);
        assertThat(first.getLines().getData()).allSatisfy(line -> assertThat(line.getDiscounts())
                .as("a line lists its own discounts only").isEmpty());

        Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(subscription.getId()).build());
        assertThat(preview.getDiscounts()).containsExactly(discount);
        assertThat(preview.getTotalDiscountAmounts()).singleElement()
                .satisfies(off -> assertThat(off.getAmount()).isEqualTo(500L));
        assertThat(preview.getTotal()).isEqualTo(2500L);

        long end = subscription.getItems().getData().getFirst().getCurrentPeriodEnd();
        runDue(end - 7 * 86_400L);
        Invoice upcoming = (Invoice) stripe.v1().events().list(EventListParams.builder().setType("invoice.upcoming")
                .build()).getData().getFirst().getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(upcoming.getDiscounts()).containsExactly(discount);
        assertThat(upcoming.getTotal()).isEqualTo(2500L);

        runDue(end);
        Invoice renewal = retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject();
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getDiscounts()).containsExactly(discount);
        assertThat(renewal.getTotal()).isEqualTo(2500L);
    }

    @Test
    void anAmountOffNeverTakesMoreThanTheInvoiceBills() throws Exception {
        Coupon fiftyOff = amountOff(5000L, CouponCreateParams.Duration.ONCE);

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic)).addItem(item(extra))
                .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon(fiftyOff.getId()).build())
                .addExpand("latest_invoice").build());

        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getTotalDiscountAmounts()).singleElement()
                .satisfies(off -> assertThat(off.getAmount()).isEqualTo(3000L));
        assertThat(first.getLines().getData()).extracting(line -> line.getDiscountAmounts().getFirst().getAmount())
                .containsExactly(1000L, 2000L);
        assertThat(first.getTotal()).isZero();
        assertThat(first.getStatus()).isEqualTo("paid");
    }

    @Test
    void anItemsOwnDiscountsComeOffThatItemsLinesOnly() throws Exception {
        Coupon half = percentOff("50", CouponCreateParams.Duration.FOREVER);

        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(basic.getId())
                        .addDiscount(SubscriptionCreateParams.Item.Discount.builder().setCoupon(half.getId())
                                .build()).build())
                .addItem(item(extra)).addExpand("latest_invoice").build());

        SubscriptionItem discounted = subscription.getItems().getData().getFirst();
        assertThat(discounted.getDiscounts()).singleElement().asString().startsWith("di_");
        assertThat(subscription.getItems().getData().get(1).getDiscounts()).isEmpty();
        assertThat(subscription.getDiscounts()).isEmpty();
        Invoice first = subscription.getLatestInvoiceObject();
        assertThat(first.getDiscounts()).as("no discount of the invoice's own").isEmpty();
        InvoiceLineItem basicLine = line(first, basic);
        assertThat(basicLine.getDiscounts()).containsExactlyElementsOf(discounted.getDiscounts());
        assertThat(basicLine.getDiscountAmounts()).singleElement()
                .satisfies(off -> assertThat(off.getAmount()).isEqualTo(500L));
        assertThat(line(first, extra).getDiscountAmounts()).isEmpty();
        assertThat(first.getTotal()).isEqualTo(2500L);

        // An update adds an item with a discount of its own, and takes the first item's away.
        Price more = monthly("More", 4000L);
        Coupon quarter = percentOff("25", CouponCreateParams.Duration.FOREVER);
        Subscription updated = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(discounted.getId())
                        .setDiscounts(com.stripe.param.common.EmptyParam.EMPTY).build())
                .addItem(SubscriptionUpdateParams.Item.builder().setPrice(more.getId())
                        .addDiscount(SubscriptionUpdateParams.Item.Discount.builder().setCoupon(quarter.getId())
                                .build()).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE).build());
        assertThat(updated.getItems().getData()).extracting(SubscriptionItem::getDiscounts)
                .extracting(List::size).containsExactly(0, 0, 1);

        Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(subscription.getId()).build());
        assertThat(line(preview, basic).getDiscountAmounts()).isEmpty();
        assertThat(line(preview, more).getDiscountAmounts()).singleElement()
                .satisfies(off -> assertThat(off.getAmount()).isEqualTo(1000L));
        assertThat(preview.getTotal()).as("$10.00 + $20.00 + $40.00 less 25 %").isEqualTo(6000L);
    }

    @Test
    void theSubscriptionItemEndpointTakesDiscountsTooAndPreviewsRefuseThemClearly() throws Exception {
        Coupon half = percentOff("50", CouponCreateParams.Duration.FOREVER);
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic)).build());
        SubscriptionItem item = subscription.getItems().getData().getFirst();

        SubscriptionItem discounted = stripe.v1().subscriptionItems().update(item.getId(),
                com.stripe.param.SubscriptionItemUpdateParams.builder().addDiscount(
                        com.stripe.param.SubscriptionItemUpdateParams.Discount.builder().setCoupon(half.getId())
                                .build()).build());
        assertThat(discounted.getDiscounts()).singleElement().asString().startsWith("di_");
        assertThat(stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(subscription.getId()).build()).getTotal()).isEqualTo(500L);

        assertThatThrownBy(() -> stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setSubscription(subscription.getId()).setSubscriptionDetails(InvoiceCreatePreviewParams
                        .SubscriptionDetails.builder().addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item
                                .builder().setId(item.getId()).addDiscount(InvoiceCreatePreviewParams
                                        .SubscriptionDetails.Item.Discount.builder().setCoupon(half.getId())
                                        .build()).build()).build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getParam()).isEqualTo("subscription_details[items][0][discounts]");
                });
    }

    @Test
    void prorationsOfADiscountedSubscriptionAreDiscountedOnceAsStripesAre() throws Exception {
        Coupon quarter = percentOff("25", CouponCreateParams.Duration.FOREVER);
        Subscription subscription = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId()).addItem(item(basic))
                .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon(quarter.getId()).build())
                .build());
        String discount = subscription.getDiscounts().getFirst();
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        long start = item.getCurrentPeriodStart();
        long end = item.getCurrentPeriodEnd();
        long halfway = start + (end - start) / 2;
        long unused = Math.round(1000.0 * (end - halfway) / (end - start));
        long remaining = Math.round(2000.0 * (end - halfway) / (end - start));

        Subscription doubled = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams
                .builder().addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(2L)
                        .build()).setProrationDate(halfway)
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .addExpand("latest_invoice").build());

        Invoice prorations = doubled.getLatestInvoiceObject();
        assertThat(prorations.getBillingReason()).isEqualTo("subscription_update");
        assertThat(prorations.getDiscounts()).containsExactly(discount);
        assertThat(prorations.getLines().getData()).extracting(InvoiceLineItem::getAmount)
                .as("25 % off the credit for the unused time and off the remaining time")
                .containsExactly(-(unused - Math.round(unused * 0.25)), remaining - Math.round(remaining * 0.25));
        assertThat(prorations.getLines().getData()).allSatisfy(line -> {
            assertThat(line.getDiscounts()).containsExactly(discount);
            assertThat(line.getDiscountAmounts()).singleElement().satisfies(off -> assertThat(off.getAmount())
                    .as("included in the amount, not taken again").isZero());
        });
        assertThat(prorations.getTotal()).as("$5.00 more, less 25 %").isEqualTo(375L);
        assertThat(prorations.getAmountPaid()).isEqualTo(375L);

        List<InvoiceItem> items = stripe.v1().invoiceItems().list(InvoiceItemListParams.builder()
                .setInvoice(prorations.getId()).build()).getData();
        assertThat(items).allSatisfy(proration -> {
            assertThat(proration.getProration()).isTrue();
            assertThat(proration.getDiscounts()).containsExactly(discount);
            assertThat(proration.getProrationDetails().getDiscountAmounts()).singleElement()
                    .satisfies(off -> assertThat(off.getDiscount()).isEqualTo(discount));
        });

        // Prorations left pending (create_prorations) are discounted the same way, and not again by the renewal.
        stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(3L).build())
                .setProrationDate(halfway).build());
        long unusedOnTwo = Math.round(2000.0 * (end - halfway) / (end - start));
        long remainingOnThree = Math.round(3000.0 * (end - halfway) / (end - start));
        long credit = -(unusedOnTwo - Math.round(unusedOnTwo * 0.25));
        long charge = remainingOnThree - Math.round(remainingOnThree * 0.25);
        runDue(end);
        Invoice renewal = retrieveWithInvoice(subscription.getId()).getLatestInvoiceObject();
        assertThat(renewal.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(renewal.getTotalDiscountAmounts()).singleElement().satisfies(off -> assertThat(off.getAmount())
                .as("25 % of the new period's $30.00 only").isEqualTo(750L));
        assertThat(renewal.getTotal()).isEqualTo(3000L - 750L + credit + charge);
    }

    private Price monthly(String name, long amount) throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName(name).build());
        return stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(amount).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
    }

    private static SubscriptionCreateParams.Item item(Price price) {
        return SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build();
    }

    private static InvoiceLineItem line(Invoice invoice, Price price) {
        return invoice.getLines().getData().stream().filter(line -> price.getId().equals(line.getPricing()
                .getPriceDetails().getPrice())).findFirst().orElseThrow();
    }

    private Coupon amountOff(long amount, CouponCreateParams.Duration duration) throws Exception {
        return stripe.v1().coupons().create(CouponCreateParams.builder().setAmountOff(amount).setCurrency("usd")
                .setDuration(duration).build());
    }

    private Coupon percentOff(String percentage, CouponCreateParams.Duration duration) throws Exception {
        return stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal(percentage))
                .setDuration(duration).build());
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
