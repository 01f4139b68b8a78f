package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

import java.util.UUID;

/** Something was done to a payment through Paydeck (created, confirmed, captured, canceled, refunded). */
public record PaymentChanged(OrganizationId organization, UUID payment, String action, String actor,
                             String detail) {
}
