package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.TaxRateUpdateParams;
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
 * An organization's tax rates, kept locally and in its Stripe, following the mirror recipe: creation writes the local
 * record first (pending), then creates the Stripe tax rate with the idempotency key {@code paydeck-tax_rate-<id>};
 * Stripe's answer and the event saying what happened commit together. Stripe deletes no tax rate: one is archived
 * ({@code active=false}), and can be made active again.
 */
@Service("billingTaxRates")
public class TaxRates {

    /** The metadata key that links a Stripe tax rate to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_tax_rate_id";

    private final TaxRateRecords records;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaxRates(TaxRateRecords records, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a tax rate once per {@code idempotencyKey} (null: no key). A failure to reach Stripe leaves the record
     * {@code unknown} for the janitor and throws, with the tax rate's id.
     */
    public TaxRate create(OrganizationId organization, TaxRateDraft draft, String actor, String idempotencyKey) {
        TaxRateId id = TaxRateId.random();
        Optional<TaxRate> earlier = RecordFirst.insertOnce(idempotencyKey,
                key -> records.byIdempotencyKey(organization, key),
                () -> records.insertPending(organization, id, draft, idempotencyKey));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        com.stripe.model.TaxRate created = RecordFirst.send(() -> send(organization, id, draft),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "tax_rate_id", id.id());
        return changed(organization, id, created, rate -> new TaxRateCreated(organization, id, label(rate), actor,
                clock.instant()));
    }

    /** Creates the Stripe tax rate of a record with the record's key, so sending it again is the same call. */
    com.stripe.model.TaxRate send(OrganizationId organization, TaxRateId id, TaxRateDraft draft)
            throws StripeException {
        var params = TaxRateCreateParams.builder().setDisplayName(draft.displayName())
                .setPercentage(draft.percentage()).setInclusive(draft.inclusive())
                .putAllMetadata(withPaydeckId(draft.metadata(), id));
        if (draft.description() != null) {
            params.setDescription(draft.description());
        }
        if (draft.country() != null) {
            params.setCountry(draft.country());
        }
        if (draft.state() != null) {
            params.setState(draft.state());
        }
        if (draft.jurisdiction() != null) {
            params.setJurisdiction(draft.jurisdiction());
        }
        return StripeCallSubject.about("tax_rate", id, () -> stripe.forOrganization(organization).v1().taxRates()
                .create(params.build(), StripeIdempotency.options("tax_rate", id.id())));
    }

    public Optional<TaxRate> find(OrganizationId organization, TaxRateId id) {
        return records.find(organization, id);
    }

    /** A page of tax rates, newest first, with one of these statuses (empty: any). */
    public List<TaxRate> list(OrganizationId organization, Set<TaxRateStatus> statuses, int limit,
            TaxRateId startingAfter) {
        return records.list(organization, statuses, limit, startingAfter);
    }

    /** Archives the tax rate (Stripe's {@code active=false}): kept where it applies, offered nowhere new. */
    public Optional<TaxRate> archive(OrganizationId organization, TaxRateId id, String actor) {
        return setActive(organization, id, false, actor);
    }

    /** Makes an archived tax rate active again. */
    public Optional<TaxRate> unarchive(OrganizationId organization, TaxRateId id, String actor) {
        return setActive(organization, id, true, actor);
    }

    private Optional<TaxRate> setActive(OrganizationId organization, TaxRateId id, boolean active, String actor) {
        Optional<TaxRate> existing = records.find(organization, id).filter(r -> r.status().inStripe());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if ((existing.get().status() == TaxRateStatus.ACTIVE) == active) {
            return existing;
        }
        com.stripe.model.TaxRate updated;
        try {
            updated = StripeCallSubject.about("tax_rate", id, () -> stripe.forOrganization(organization).v1()
                    .taxRates().update(existing.get().stripeTaxRateId(),
                            TaxRateUpdateParams.builder().setActive(active).build()));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        return Optional.of(changed(organization, id, updated, rate -> active
                ? new TaxRateUnarchived(organization, id, label(rate), actor, clock.instant())
                : new TaxRateArchived(organization, id, label(rate), actor, clock.instant())));
    }

    /** Records Stripe's answer and publishes what happened, in one transaction; the tax rate after. */
    private TaxRate changed(OrganizationId organization, TaxRateId id, com.stripe.model.TaxRate answer,
            java.util.function.Function<TaxRate, TaxRateEvent> happened) {
        return transactions.execute(status -> {
            records.apply(organization, id, answer);
            TaxRate rate = records.find(organization, id).orElseThrow();
            events.publishEvent(happened.apply(rate));
            return rate;
        });
    }

    /** Its name and percentage, for people and the audit log: {@code VAT 19%}. */
    public static String label(TaxRate rate) {
        return rate.displayName() + " " + rate.percentage().toPlainString() + "%"
                + (rate.inclusive() ? " incl." : "");
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, TaxRateId id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
