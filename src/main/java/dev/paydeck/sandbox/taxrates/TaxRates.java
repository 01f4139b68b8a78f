package dev.paydeck.sandbox.taxrates;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeError;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** Tax rates as the objects that apply them (invoice items; later invoices and subscriptions) need them. */
@Service
public class TaxRates {

    private final ObjectStore store;

    TaxRates(ObjectStore store) {
        this.store = store;
    }

    /** The account's tax rate, with Stripe's "No such tax_rate" otherwise. */
    public ObjectNode require(String accountId, String id, String param) {
        return store.find(accountId, id).filter(found -> "tax_rate".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("tax_rate", id, param));
    }
}
