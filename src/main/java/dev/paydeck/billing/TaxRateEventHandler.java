package dev.paydeck.billing;

import dev.paydeck.shared.mirror.StaleReadException;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

/**
 * Tax rates created, changed or archived in Stripe appear in Paydeck: a creation is recorded when not yet known, an
 * update takes Stripe's current tax rate (read before the transaction by {@link TaxRateMirror}).
 */
@Component
class TaxRateEventHandler {

    private final TaxRateMirror mirror;

    TaxRateEventHandler(TaxRateMirror mirror) {
        this.mirror = mirror;
    }

    @StripeEventListener({"tax_rate.created", "tax_rate.updated"})
    void taxRate(StripeEventReceived event) {
        var snapshot = event.dataObject(com.stripe.model.TaxRate.class);
        switch (event.type()) {
            case "tax_rate.created" -> mirror.recordIfNew(event.organization(), snapshot);
            case "tax_rate.updated" -> mirror.record(event.organization(), event.read()
                    .get(snapshot.getId(), com.stripe.model.TaxRate.class)
                    .orElseThrow(() -> new StaleReadException(snapshot)));
            default -> {
            }
        }
    }
}
