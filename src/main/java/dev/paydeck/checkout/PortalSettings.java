package dev.paydeck.checkout;

import dev.paydeck.shared.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * What each organization lets its customers do with their subscriptions in the customer portal: cancel them (at the
 * period's end), change their plan. Owners and admins choose on the settings page; an organization that has not
 * chosen gets the application's defaults ({@code paydeck.portal.customers-cancel},
 * {@code paydeck.portal.customers-change-plan}, both true).
 */
@Service
public class PortalSettings {

    /** The organization's choices. */
    public record Choices(boolean customersCancel, boolean customersChangePlan) {
    }

    private final PortalSettingRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Choices defaults;

    PortalSettings(PortalSettingRecords records, ApplicationEventPublisher events, Clock clock,
            @Value("${paydeck.portal.customers-cancel:true}") boolean customersCancel,
            @Value("${paydeck.portal.customers-change-plan:true}") boolean customersChangePlan) {
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.defaults = new Choices(customersCancel, customersChangePlan);
    }

    public Choices of(OrganizationId organization) {
        return records.find(organization).orElse(defaults);
    }

    /** Saves the organization's choices; audited when they differ from what applied before. */
    @Transactional
    public Choices change(OrganizationId organization, Choices choices, String actor) {
        Choices before = of(organization);
        records.save(organization, choices, actor, clock.instant());
        if (!before.equals(choices)) {
            events.publishEvent(new PortalSettingsChanged(organization, choices.customersCancel(),
                    choices.customersChangePlan(), actor, clock.instant()));
        }
        return choices;
    }
}
