package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Product;
import com.stripe.model.PromotionCode;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CouponUpdateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeListParams;
import com.stripe.param.PromotionCodeUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCouponsIntegrationTests extends SandboxTest {

    @Test
    void createsRetrievesUpdatesAndDeletesACoupon() throws Exception {
        Coupon percent = stripe.v1().coupons().create(CouponCreateParams.builder()
                .setPercentOff(new BigDecimal("12.5")).setDuration(CouponCreateParams.Duration.REPEATING)
                .setDurationInMonths(3L).setName("Spring").setMaxRedemptions(100L).putMetadata("campaign", "spring")
                .build());

        assertThat(percent.getId()).hasSize(8);
        assertThat(percent.getPercentOff()).isEqualByComparingTo("12.5");
        assertThat(percent.getAmountOff()).isNull();
        assertThat(percent.getDuration()).isEqualTo("repeating");
        assertThat(percent.getDurationInMonths()).isEqualTo(3L);
        assertThat(percent.getTimesRedeemed()).isZero();
        assertThat(percent.getValid()).isTrue();

        Coupon amount = stripe.v1().coupons().create(CouponCreateParams.builder().setId("FIVE-OFF")
                .setAmountOff(500L).setCurrency("USD").build());
        assertThat(amount.getId()).isEqualTo("FIVE-OFF");
        assertThat(amount.getCurrency()).isEqualTo("usd");
        assertThat(amount.getDuration()).as("Stripe's default").isEqualTo("once");

        Coupon renamed = stripe.v1().coupons().update(percent.getId(), CouponUpdateParams.builder()
                .setName("Spring sale").build());
        assertThat(renamed.getName()).isEqualTo("Spring sale");
        var percentChange = sandboxCall("POST", "/v1/coupons/" + percent.getId(), "percent_off=50", secretKey);
        assertThat(json(percentChange).at("/error/code").asString()).isEqualTo("parameter_unknown");

        assertThat(stripe.v1().coupons().delete(amount.getId()).getDeleted()).isTrue();
        assertThatThrownBy(() -> stripe.v1().coupons().retrieve(amount.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
        assertThat(stripe.v1().coupons().list().getData()).extracting(Coupon::getId).containsExactly(percent.getId());

        List<String> types = stripe.v1().events().list(EventListParams.builder().setType("coupon.*").build())
                .getData().stream().map(Event::getType).toList();
        assertThat(types).containsExactly("coupon.deleted", "coupon.updated", "coupon.created", "coupon.created");
    }

    @Test
    void refusesCouponsStripeRefuses() {
        assertThat(error("/v1/coupons", "duration=once").at("/error/param").asString()).isEqualTo("percent_off");
        assertThat(error("/v1/coupons", "percent_off=10&amount_off=100&currency=usd").at("/error/message")
                .asString()).isEqualTo("You may only specify one of these parameters: amount_off, percent_off.");
        assertThat(error("/v1/coupons", "amount_off=100").at("/error/param").asString()).isEqualTo("currency");
        assertThat(error("/v1/coupons", "percent_off=120").at("/error/param").asString()).isEqualTo("percent_off");
        assertThat(error("/v1/coupons", "percent_off=10&duration=repeating").at("/error/param").asString())
                .isEqualTo("duration_in_months");
        assertThat(error("/v1/coupons", "percent_off=10&redeem_by=1000").at("/error/param").asString())
                .isEqualTo("redeem_by");
        assertThat(error("/v1/coupons", "percent_off=10&applies_to[products][0]=prod_nope").at("/error/message")
                .asString()).isEqualTo("No such product: 'prod_nope'");
    }

    @Test
    void aCouponCanApplyToSomeProducts() throws Exception {
        Product product = stripe.v1().products().create(ProductCreateParams.builder().setName("Mug").build());

        Coupon coupon = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.TEN)
                .setAppliesTo(CouponCreateParams.AppliesTo.builder().addProduct(product.getId()).build()).build());

        assertThat(coupon.getAppliesTo().getProducts()).containsExactly(product.getId());
    }

    @Test
    void promotionCodesPointToACouponAndAreUniqueAmongActiveCodes() throws Exception {
        Coupon coupon = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.TEN)
                .setDuration(CouponCreateParams.Duration.FOREVER).build());
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
        long expiresAt = Instant.now().plusSeconds(86_400).getEpochSecond();

        PromotionCode code = stripe.v1().promotionCodes().create(PromotionCodeCreateParams.builder()
                .setPromotion(PromotionCodeCreateParams.Promotion.builder().setCoupon(coupon.getId())
                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON).build())
                .setCode("WELCOME10").setMaxRedemptions(5L).setExpiresAt(expiresAt)
                .setRestrictions(PromotionCodeCreateParams.Restrictions.builder().setFirstTimeTransaction(true)
                        .setMinimumAmount(2000L).setMinimumAmountCurrency("usd").build())
                .build());

        assertThat(code.getId()).startsWith("promo_");
        assertThat(code.getPromotion().getType()).isEqualTo("coupon");
        assertThat(code.getPromotion().getCoupon()).isEqualTo(coupon.getId());
        assertThat(code.getActive()).isTrue();
        assertThat(code.getExpiresAt()).isEqualTo(expiresAt);
        assertThat(code.getRestrictions().getFirstTimeTransaction()).isTrue();
        assertThat(code.getRestrictions().getMinimumAmount()).isEqualTo(2000L);

        assertThatThrownBy(() -> stripe.v1().promotionCodes().create(PromotionCodeCreateParams.builder()
                .setPromotion(PromotionCodeCreateParams.Promotion.builder().setCoupon(coupon.getId())
                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON).build())
                .setCode("welcome10").build()))
                .as("codes are unique ignoring case")
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("code"));

        PromotionCode forAda = stripe.v1().promotionCodes().create(PromotionCodeCreateParams.builder()
                .setPromotion(PromotionCodeCreateParams.Promotion.builder().setCoupon(coupon.getId())
                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON).build())
                .setCode("WELCOME10").setCustomer(customer.getId()).build());
        assertThat(forAda.getCustomer()).as("another customer's code may be the same").isEqualTo(customer.getId());

        PromotionCode deactivated = stripe.v1().promotionCodes().update(code.getId(),
                PromotionCodeUpdateParams.builder().setActive(false).build());
        assertThat(deactivated.getActive()).isFalse();
        PromotionCode generated = stripe.v1().promotionCodes().create(PromotionCodeCreateParams.builder()
                .setPromotion(PromotionCodeCreateParams.Promotion.builder().setCoupon(coupon.getId())
                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON).build()).build());
        assertThat(generated.getCode()).matches("[A-Z0-9]{8}");

        assertThat(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCode("WELCOME10")
                .setActive(true).build()).getData()).extracting(PromotionCode::getId).containsExactly(forAda.getId());
        assertThat(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCoupon(coupon.getId())
                .build()).getData()).hasSize(3);
        assertThat(stripe.v1().promotionCodes().list(PromotionCodeListParams.builder().setCustomer(customer.getId())
                .build()).getData()).extracting(PromotionCode::getId).containsExactly(forAda.getId());
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("promotion_code.*").build())
                .getData()).extracting(Event::getType).containsExactly("promotion_code.created",
                        "promotion_code.updated", "promotion_code.created", "promotion_code.created");
    }

    @Test
    void refusesPromotionCodesForMissingOrSpentCoupons() throws Exception {
        assertThat(error("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=nope").at("/error/message")
                .asString()).isEqualTo("No such coupon: 'nope'");
        assertThat(error("/v1/promotion_codes", "code=X").at("/error/param").asString()).isEqualTo("promotion");
        long redeemBy = Instant.now().plusSeconds(3_600).getEpochSecond();
        Coupon coupon = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(BigDecimal.TEN)
                .setRedeemBy(redeemBy).build());
        assertThat(error("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + coupon.getId()
                + "&expires_at=" + (redeemBy + 60)).at("/error/param").asString()).isEqualTo("expires_at");
        assertThat(error("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + coupon.getId()
                + "&code=no%20spaces").at("/error/param").asString()).isEqualTo("code");
    }

    private tools.jackson.databind.JsonNode error(String path, String form) {
        var response = sandboxCall("POST", path, form, secretKey);
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 404);
        return json(response);
    }
}
