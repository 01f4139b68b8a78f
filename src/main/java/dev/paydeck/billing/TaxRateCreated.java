package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A tax rate was created through Paydeck (and in Stripe). */
public record TaxRateCreated(OrganizationId organization, TaxRateId taxRate, String label, String actor,
                        Instant occurredAt) implements TaxRateEvent {
}
