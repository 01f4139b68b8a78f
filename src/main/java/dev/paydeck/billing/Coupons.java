package dev.paydeck.billing;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.param.CouponCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.RecordFirst;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's coupons, kept locally and in its Stripe, following the mirror recipe: creation writes the local
 * record first (pending), then creates the Stripe coupon with the idempotency key {@code paydeck-coupon-<id>}, so a
 * retry can never make two; Stripe's answer and the event saying what happened commit together. Deleting a coupon
 * (in Stripe, then here) ends it for new redemptions; where it already applies, it keeps applying.
 */
@Service("billingCoupons")
public class Coupons {

    /** The metadata key that links a Stripe coupon to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_coupon_id";

    private final CouponRecords records;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Coupons(CouponRecords records, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a coupon once per {@code idempotencyKey} (null: no key), the key of a page form. A failure to reach
     * Stripe leaves the record {@code unknown} for the janitor and throws, with the coupon's id; a refusal by Stripe
     * keeps nothing and throws Stripe's message.
     */
    public Coupon create(OrganizationId organization, CouponDraft draft, String actor, String idempotencyKey) {
        CouponId id = CouponId.random();
        Optional<Coupon> earlier = RecordFirst.insertOnce(idempotencyKey,
                key -> records.byIdempotencyKey(organization, key),
                () -> records.insertPending(organization, id, draft, idempotencyKey));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        com.stripe.model.Coupon created = RecordFirst.send(() -> send(organization, id, draft),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "coupon_id", id.id());
        return transactions.execute(status -> {
            records.apply(organization, id, created);
            Coupon coupon = records.find(organization, id).orElseThrow();
            events.publishEvent(new CouponCreated(organization, id, off(coupon), actor, clock.instant()));
            return coupon;
        });
    }

    /**
     * Creates the Stripe coupon of a record: the parameters are the draft's and the key is the record's, so sending it
     * again (the janitor) is the same call, which Stripe answers once.
     */
    com.stripe.model.Coupon send(OrganizationId organization, CouponId id, CouponDraft draft)
            throws StripeException {
        var params = CouponCreateParams.builder()
                .setDuration(switch (draft.duration()) {
                    case ONCE -> CouponCreateParams.Duration.ONCE;
                    case REPEATING -> CouponCreateParams.Duration.REPEATING;
                    case FOREVER -> CouponCreateParams.Duration.FOREVER;
                })
                .putAllMetadata(withPaydeckId(draft.metadata(), id));
        if (draft.name() != null) {
            params.setName(draft.name());
        }
        if (draft.percentOff() != null) {
            params.setPercentOff(draft.percentOff());
        } else {
            params.setAmountOff(draft.amountOff().minor()).setCurrency(draft.amountOff().stripeCurrency());
        }
        if (draft.durationInMonths() != null) {
            params.setDurationInMonths(draft.durationInMonths().longValue());
        }
        if (draft.maxRedemptions() != null) {
            params.setMaxRedemptions(draft.maxRedemptions());
        }
        if (draft.redeemBy() != null) {
            params.setRedeemBy(draft.redeemBy().getEpochSecond());
        }
        return StripeCallSubject.about("coupon", id, () -> stripe.forOrganization(organization).v1().coupons()
                .create(params.build(), StripeIdempotency.options("coupon", id.id())));
    }

    public Optional<Coupon> find(OrganizationId organization, CouponId id) {
        return records.find(organization, id);
    }

    /** A page of coupons, newest first, with one of these statuses (empty: any but deleted). */
    public List<Coupon> list(OrganizationId organization, Set<CouponStatus> statuses, int limit,
            CouponId startingAfter) {
        return records.list(organization, statuses, limit, startingAfter);
    }

    /**
     * Deletes the coupon in Stripe, then here: no one can redeem it any more. False if there is no such coupon (or
     * it is deleted already).
     */
    public boolean delete(OrganizationId organization, CouponId id, String actor) {
        Optional<Coupon> existing = records.find(organization, id).filter(c -> c.status().inStripe());
        if (existing.isEmpty()) {
            return false;
        }
        try {
            StripeCallSubject.about("coupon", id, () -> stripe.forOrganization(organization).v1().coupons()
                    .delete(existing.get().stripeCouponId()));
        } catch (InvalidRequestException gone) {
            if (gone.getStatusCode() == null || gone.getStatusCode() != 404) {
                throw StripeFailure.from(gone);
            }
            // Deleted in Stripe already: deleting here too is what the caller wants.
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        transactions.executeWithoutResult(status -> {
            records.markDeleted(organization, id);
            events.publishEvent(new CouponDeleted(organization, id, off(existing.get()), actor, clock.instant()));
        });
        return true;
    }

    /** What a coupon takes off, for people and the audit log: {@code 25%} or {@code $5.00}. */
    public static String off(Coupon coupon) {
        return coupon.percentOff() != null ? coupon.percentOff().toPlainString() + "%" : coupon.amountOff().format();
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, CouponId id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
