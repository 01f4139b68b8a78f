package dev.paydeck.billing;

import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeEventReads;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's tax rates applied to their local copies. {@code active} flips both ways, so no order could tell an older
 * event from a newer one: an update is applied from the tax rate re-read from Stripe (before the event's
 * transaction, in {@link #read}), never from the event's snapshot; a {@code tax_rate.created} only records a tax rate
 * not yet known. Tax rates made in Stripe are recorded; Paydeck's own are found by the id in their metadata.
 */
@Component
class TaxRateMirror implements StripeEventReads {

    private final TaxRateRecords rates;
    private final StripeClients stripe;

    TaxRateMirror(TaxRateRecords rates, StripeClients stripe) {
        this.rates = rates;
        this.stripe = stripe;
    }

    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return event.type().equals("tax_rate.updated");
    }

    @Override
    public void read(StripeEventReceived event) throws Exception {
        if (event.type().equals("tax_rate.updated")) {
            String id = event.dataObject(com.stripe.model.TaxRate.class).getId();
            event.read().put(id, stripe.forOrganization(event.organization()).v1().taxRates().retrieve(id));
        }
    }

    /** Applies a Stripe tax rate to its local copy; true if that changed something. */
    boolean record(OrganizationId organization, com.stripe.model.TaxRate rate) {
        Optional<TaxRate> before = rates.findByStripeId(organization, rate.getId());
        Optional<TaxRate> ours = before.isEmpty() ? paydeckId(rate.getMetadata()).map(TaxRateId::new)
                .flatMap(id -> rates.find(organization, id)) : Optional.empty();
        if (ours.isPresent()) {
            rates.apply(organization, ours.get().id(), rate);
        } else {
            rates.upsertFromStripe(organization, rate);
        }
        Optional<TaxRate> after = rates.findByStripeId(organization, rate.getId());
        Optional<TaxRate> was = before.or(() -> ours);
        return was.isEmpty() || after.isEmpty() || was.get().status() != after.get().status()
                || !Objects.equals(was.get().displayName(), after.get().displayName())
                || !Objects.equals(was.get().description(), after.get().description())
                || !Objects.equals(was.get().country(), after.get().country())
                || !Objects.equals(was.get().state(), after.get().state())
                || !Objects.equals(was.get().jurisdiction(), after.get().jurisdiction())
                || !Objects.equals(was.get().metadata(), after.get().metadata());
    }

    /** Records a tax rate only when Paydeck does not know it yet ({@code tax_rate.created}). */
    void recordIfNew(OrganizationId organization, com.stripe.model.TaxRate rate) {
        Optional<TaxRate> known = rates.findByStripeId(organization, rate.getId())
                .or(() -> paydeckId(rate.getMetadata()).map(TaxRateId::new)
                        .flatMap(id -> rates.find(organization, id)).filter(r -> !r.status().unresolved()));
        if (known.isEmpty()) {
            record(organization, rate);
        }
    }

    private static Optional<UUID> paydeckId(Map<String, String> metadata) {
        String text = metadata == null ? null : metadata.get(TaxRates.PAYDECK_ID);
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
