package dev.paydeck.checkout;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** An organization changed what its customers may do in the portal: what they may now. */
public record PortalSettingsChanged(OrganizationId organization, boolean customersCancel, boolean customersChangePlan,
                                    String actor, Instant occurredAt) {
}
