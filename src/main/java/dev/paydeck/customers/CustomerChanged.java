package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

import java.util.UUID;

/** A customer was created, updated or deleted through Paydeck (for the audit log). */
public record CustomerChanged(OrganizationId organization, UUID customer, String action, String actor) {
}
