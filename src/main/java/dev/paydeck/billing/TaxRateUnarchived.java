package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A tax rate was made active again through Paydeck (and in Stripe). */
public record TaxRateUnarchived(OrganizationId organization, TaxRateId taxRate, String label, String actor,
                        Instant occurredAt) implements TaxRateEvent {
}
